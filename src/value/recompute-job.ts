import { collectGarbageInWorker } from '../common/workers/collect-garbage';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runInWorker } from '../common/workers/run-in-worker';
import { storeDefaultGrowth } from '../advocates/ranking/snapshot-growth';
import { HaloSettings } from '../config/halo-settings';
import { optimizeSqlite } from '../database/sqlite-optimize';
import { coefficientsFrom } from './coefficients';
import { planValuation } from './engine/compute-values';
import { brandSimpleFormula } from './engine/simple-formula';
import { chunkRanges, ChunkLeases } from './chunks/chunk-leases';
import { RecomputePlan, storePlan } from './chunks/recompute-plan';
import { valueRunChunks } from './chunks/value-chunks';
import { KeptBrandInputs } from './chunks/kept-brand-inputs';
import { discardSnapshots, publishSnapshots } from './snapshot-publisher';
import { Progress } from './snapshot-writer';

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
 * One recompute: fit the spend model and calibrate influence once on the whole brand (the
 * plan), then value the members in key-ordered chunks, each leased in the database so that
 * other instances can take some (src/value/chunks), and publish the run's snapshots of asOf's
 * date when every chunk is done. Runs on the given connection, which is a worker thread's own
 * in the service. `holder` names this instance in the chunk leases.
 */
export async function executeRecompute(
  dataSource: DataSource,
  settings: JobSettings,
  runId: string,
  asOf: number,
  holder: string,
  progress: Progress = () => undefined,
): Promise<RecomputeOutcome> {
  const started = Date.now();
  const leases = new ChunkLeases(dataSource, holder, settings.value.recomputeChunkLeaseMs);
  try {
    progress('load', 0, 1);
    const { plan, report, kept } = await planRun(dataSource, settings, runId, asOf, leases);
    collectGarbageInWorker();
    // More threads of this instance value chunks beside this one, each on its own connection.
    const threads = Array.from({ length: settings.value.recomputeThreads - 1 }, (_, at) =>
      runInWorker<number>(join(__dirname, 'chunks'), 'recompute-helper.worker', {
        settings: { database: settings.database },
        runId,
        holder: `${holder}:${at + 2}`,
        leaseMs: settings.value.recomputeChunkLeaseMs,
      }),
    );
    // A thread's failure fails the run once this one's own chunks are done.
    threads.forEach((thread) => thread.catch(() => undefined));
    await valueRunChunks(dataSource, plan, leases, { progress, kept });
    await Promise.all(threads);
    const { members } = await leases.progress(runId);
    const durationMs = Date.now() - started;
    await publishSnapshots(
      dataSource,
      { runId, asOfDate: asOfDate(asOf) },
      {
        status: 'succeeded',
        finishedAt: Date.now(),
        durationMs,
        members,
        method: plan.valuation.model.method,
        model: JSON.stringify(report),
      },
    );
    // The ranking's growth sorts and period segments read these instead of comparing every
    // member's snapshots; without them (a failure here) it compares, with the same answers.
    await storeDefaultGrowth(dataSource).catch(() => null);
    await optimizeSqlite(dataSource);
    return { members, method: plan.valuation.model.method, durationMs };
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

/**
 * The brand-wide part of a run: fits the spend model (the week's choice), calibrates influence
 * and splits the members into chunks. What it read of every buyer and all content is kept for
 * this instance's chunks (compact records; the member list and the rest are garbage after).
 */
async function planRun(
  dataSource: DataSource,
  settings: JobSettings,
  runId: string,
  asOf: number,
  leases: ChunkLeases,
): Promise<{ plan: RecomputePlan; report: object; kept: KeptBrandInputs }> {
  const coefficients = coefficientsFrom(settings);
  const spendChoice = await decideSpendModel(dataSource, settings, asOf);
  // The holdout's fits are garbage before the brand's inputs are read (see collectGarbageInWorker).
  collectGarbageInWorker();
  const inputs = await new ValueInputsLoader(dataSource).loadBrand(asOf, settings.value);
  const valuation = planValuation(inputs, coefficients, spendChoice);
  const { model, calibration } = valuation;
  const report = {
    method: model.method,
    reason: model.reason,
    timeUnit: 'days',
    customers: model.customers,
    repeatBuyers: model.repeatBuyers,
    bgnbd: withHoldoutError(model.bgnbd, spendChoice.choice.errors.bgnbd),
    modifiedBgnbd: withHoldoutError(model.modifiedBgnbd, spendChoice.choice.errors.mbgnbd),
    choice: spendChoice.choice,
    gammaGamma: model.gammaGamma,
    calibration,
    simpleFormula: brandSimpleFormula(model.simple, inputs.spend, coefficients),
    coefficients,
  };
  const plan = await storePlan(
    dataSource,
    leases,
    {
      runId,
      asOf,
      asOfDate: asOfDate(asOf),
      settings: { value: settings.value, money: settings.money, advocates: settings.advocates },
      valuation,
      brand: {
        campaigns: inputs.campaigns,
        averageOrderMarginMinor: inputs.averageOrderMarginMinor,
      },
    },
    chunkRanges(inputs.memberIds, settings.value.recomputeChunkSize),
  );
  return { plan, report, kept: new KeptBrandInputs(inputs) };
}

/** A full-data fit as stored, with its model's error on the week's holdout (null if not run). */
function withHoldoutError<T extends object>(fit: T | null, holdoutError: number | null) {
  return fit && { ...fit, holdoutError };
}
