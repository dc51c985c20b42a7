import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { coefficientsFrom } from './coefficients';
import { computeValues } from './engine/compute-values';
import { MemberValue } from './engine/value-types';
import { ValueInputsLoader } from './value-inputs.loader';
import { ValueRun } from './value-run.entity';
import { ValueSnapshot } from './value-snapshot.entity';

export type JobSettings = Pick<HaloSettings, 'value' | 'money' | 'database'>;

export interface RecomputeOutcome {
  members: number;
  method: string;
  durationMs: number;
}

const INSERT_CHUNK = 400;

export function asOfDate(asOf: number): string {
  return new Date(asOf).toISOString().slice(0, 10);
}

/**
 * One recompute: load aggregated inputs, fit once, value every member, replace the snapshots
 * of asOf's date, and record the model on the run. Runs on the given connection, which is a
 * worker thread's own in the service.
 */
export async function executeRecompute(
  dataSource: DataSource,
  settings: JobSettings,
  runId: string,
  asOf: number,
  progress: (stage: string, done: number, total: number) => void = () => undefined,
): Promise<RecomputeOutcome> {
  const started = Date.now();
  const coefficients = coefficientsFrom(settings);
  try {
    progress('load', 0, 1);
    const inputs = await new ValueInputsLoader(dataSource).load(asOf, settings.value);
    progress('compute', 0, inputs.memberIds.length);
    const result = computeValues(inputs, coefficients, settings.value.driversPerMember);
    await writeSnapshots(
      dataSource,
      runId,
      asOf,
      settings.money.baseCurrency,
      result.values,
      progress,
    );
    const durationMs = Date.now() - started;
    const model = {
      method: result.model.method,
      reason: result.model.reason,
      timeUnit: 'days',
      customers: result.model.customers,
      repeatBuyers: result.model.repeatBuyers,
      bgnbd: result.model.bgnbd,
      gammaGamma: result.model.gammaGamma,
      calibration: result.calibration,
      coefficients,
    };
    await dataSource.getRepository(ValueRun).update(runId, {
      status: 'succeeded',
      finishedAt: Date.now(),
      durationMs,
      members: result.values.length,
      method: result.model.method,
      model: JSON.stringify(model),
    });
    return { members: result.values.length, method: result.model.method, durationMs };
  } catch (error) {
    await dataSource.getRepository(ValueRun).update(runId, {
      status: 'failed',
      finishedAt: Date.now(),
      durationMs: Date.now() - started,
      error: String(error instanceof Error ? error.message : error).slice(0, 2000),
    });
    throw error;
  }
}

async function writeSnapshots(
  dataSource: DataSource,
  runId: string,
  asOf: number,
  currency: string,
  values: MemberValue[],
  progress: (stage: string, done: number, total: number) => void,
): Promise<void> {
  const date = asOfDate(asOf);
  const now = Date.now();
  await dataSource.transaction(async (manager) => {
    await manager.delete(ValueSnapshot, { asOfDate: date });
    for (let start = 0; start < values.length; start += INSERT_CHUNK) {
      const rows = values.slice(start, start + INSERT_CHUNK).map((value) => ({
        id: randomUUID(),
        memberId: value.memberId,
        asOfDate: date,
        asOf,
        runId,
        currency,
        extendedMinor: value.extendedMinor,
        spendRealizedMinor: value.spendRealizedMinor,
        spendPredictedMinor: value.spendPredictedMinor,
        spendMinor: value.spendMinor,
        referralMinor: value.referralMinor,
        influenceMeasuredMinor: value.influenceMeasuredMinor,
        influenceModeledMinor: value.influenceModeledMinor,
        influenceMinor: value.influenceMinor,
        knowledgeMinor: value.knowledgeMinor,
        method: value.method,
        pAlive: value.pAlive,
        expectedPurchases: value.expectedPurchases,
        breakdown: JSON.stringify({ byChannel: value.byChannel, drivers: value.drivers }),
        createdAt: now,
      }));
      await manager
        .createQueryBuilder()
        .insert()
        .into(ValueSnapshot)
        .values(rows)
        .updateEntity(false)
        .execute();
      progress('write', Math.min(start + INSERT_CHUNK, values.length), values.length);
    }
  });
}
