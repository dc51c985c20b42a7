import { DataSource } from 'typeorm';
import {
  ActivitySummaries,
  assessAdvocates,
  summarizeActivity,
} from '../advocates/advocate-assessment';
import { storeDefaultGrowth } from '../advocates/ranking/snapshot-growth';
import { HaloSettings } from '../config/halo-settings';
import { sqliteConnection } from '../database/sql';
import { optimizeSqlite } from '../database/sqlite-optimize';
import { coefficientsFrom } from './coefficients';
import { ValueResult, computeValues } from './engine/compute-values';
import { Coefficients } from './engine/value-types';
import { runInWorker } from '../common/workers/run-in-worker';
import { discardSnapshots, publishSnapshots } from './snapshot-publisher';
import { Progress, writeSnapshots } from './snapshot-writer';

export type { Progress } from './snapshot-writer';
import { ValueInputsLoader } from './value-inputs.loader';
import { ValueRun } from './value-run.entity';
import { decideSpendModel } from './validation/model-choice.job';

export type JobSettings = Pick<HaloSettings, 'value' | 'money' | 'database' | 'advocates'>;

export interface RecomputeOutcome {
  members: number;
  method: string;
  durationMs: number;
}

export function asOfDate(asOf: number): string {
  return new Date(asOf).toISOString().slice(0, 10);
}

/**
 * One recompute: load aggregated inputs, fit once, value every member, replace the snapshots
 * of asOf's date, and record the model on the run. Runs on the given connection, which is a
 * worker thread's own in the service; with `parallelActivity` (the worker) the activity sums
 * run on a second connection in another thread meanwhile.
 */
export async function executeRecompute(
  dataSource: DataSource,
  settings: JobSettings,
  runId: string,
  asOf: number,
  progress: Progress = () => undefined,
  options: { parallelActivity?: boolean } = {},
): Promise<RecomputeOutcome> {
  const started = Date.now();
  const coefficients = coefficientsFrom(settings);
  try {
    progress('load', 0, 1);
    const activity = activitySummaries(dataSource, settings, asOf, options.parallelActivity);
    // A rejection is handled where the summaries are awaited; this keeps it from counting as
    // unhandled while the values are computed.
    activity.catch(() => undefined);
    const spendChoice = await decideSpendModel(dataSource, settings, asOf);
    const result = await valueMembers(
      dataSource,
      settings,
      asOf,
      coefficients,
      progress,
      spendChoice,
    );
    progress('assess', 0, result.values.length);
    const assessments = assessAdvocates(
      settings.advocates,
      settings.money.baseCurrency,
      asOf,
      result.values,
      await activity,
    );
    await writeSnapshots(
      dataSource,
      {
        runId,
        asOf,
        asOfDate: asOfDate(asOf),
        currency: settings.money.baseCurrency,
        values: result.values,
        assessments,
      },
      progress,
    );
    const durationMs = Date.now() - started;
    const model = {
      method: result.model.method,
      reason: result.model.reason,
      timeUnit: 'days',
      customers: result.model.customers,
      repeatBuyers: result.model.repeatBuyers,
      bgnbd: withHoldoutError(result.model.bgnbd, spendChoice.choice.errors.bgnbd),
      modifiedBgnbd: withHoldoutError(result.model.modifiedBgnbd, spendChoice.choice.errors.mbgnbd),
      choice: spendChoice.choice,
      gammaGamma: result.model.gammaGamma,
      calibration: result.calibration,
      simpleFormula: result.simpleFormula,
      coefficients,
    };
    await publishSnapshots(
      dataSource,
      { runId, asOfDate: asOfDate(asOf) },
      {
        status: 'succeeded',
        finishedAt: Date.now(),
        durationMs,
        members: result.values.length,
        method: result.model.method,
        model: JSON.stringify(model),
      },
    );
    // The ranking's growth sorts and period segments read these instead of comparing every
    // member's snapshots; without them (a failure here) it compares, with the same answers.
    await storeDefaultGrowth(dataSource).catch(() => null);
    await optimizeSqlite(dataSource);
    return { members: result.values.length, method: result.model.method, durationMs };
  } catch (error) {
    await dataSource.transaction(async (manager) => {
      await discardSnapshots(manager, [runId]);
      await manager.getRepository(ValueRun).update(runId, {
        status: 'failed',
        finishedAt: Date.now(),
        durationMs: Date.now() - started,
        error: String(error instanceof Error ? error.message : error).slice(0, 2000),
      });
    });
    throw error;
  }
}

/** Loads and values in one function, so that the inputs can be collected before the write. */
async function valueMembers(
  dataSource: DataSource,
  settings: JobSettings,
  asOf: number,
  coefficients: Coefficients,
  progress: Progress,
  spendChoice: Parameters<typeof computeValues>[3],
): Promise<ValueResult> {
  const inputs = await new ValueInputsLoader(dataSource).load(asOf, settings.value);
  progress('compute', 0, inputs.memberIds.length);
  return computeValues(inputs, coefficients, settings.value.driversPerMember, spendChoice);
}

/** A full-data fit as stored, with its model's error on the week's holdout (null if not run). */
function withHoldoutError<T extends object>(fit: T | null, holdoutError: number | null) {
  return fit && { ...fit, holdoutError };
}

/**
 * On PostgreSQL the pool runs the activity query beside the value queries anyway; on SQLite
 * one connection answers one query at a time, so a second thread gets its own.
 */
function activitySummaries(
  dataSource: DataSource,
  settings: JobSettings,
  asOf: number,
  parallel = false,
): Promise<ActivitySummaries> {
  if (parallel && sqliteConnection(dataSource))
    return runInWorker<ActivitySummaries>(__dirname, 'activity-summary.worker', {
      settings: { database: settings.database },
      engagement: settings.advocates.engagement,
      asOf,
    });
  return summarizeActivity(dataSource, settings.advocates.engagement, asOf);
}
