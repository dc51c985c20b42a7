import { randomUUID } from 'node:crypto';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { AdvocateAssessment, assessAdvocates } from '../advocates/advocate-assessment';
import { HaloSettings } from '../config/halo-settings';
import { coefficientsFrom } from './coefficients';
import { computeValues } from './engine/compute-values';
import { MemberValue } from './engine/value-types';
import { ValueInputsLoader } from './value-inputs.loader';
import { ValueRun } from './value-run.entity';
import { ValueSnapshot } from './value-snapshot.entity';

export type JobSettings = Pick<HaloSettings, 'value' | 'money' | 'database' | 'advocates'>;

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
    progress('assess', 0, result.values.length);
    const assessments = await assessAdvocates(
      dataSource,
      settings.advocates,
      settings.money.baseCurrency,
      asOf,
      result.values,
    );
    await writeSnapshots(
      dataSource,
      runId,
      asOf,
      settings.money.baseCurrency,
      result.values,
      assessments,
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
  assessments: Map<string, AdvocateAssessment>,
  progress: (stage: string, done: number, total: number) => void,
): Promise<void> {
  const date = asOfDate(asOf);
  const now = Date.now();
  const rows = values.map((value) => ({
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
    ...assessments.get(value.memberId),
  }));
  progress('write', 0, rows.length);
  if (dataSource.options.type === 'better-sqlite3') {
    writeSqliteSnapshots(dataSource, date, rows);
    progress('done', rows.length, rows.length);
    return;
  }
  await dataSource.transaction(async (manager) => {
    await manager.delete(ValueSnapshot, { asOfDate: date });
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      await manager
        .createQueryBuilder()
        .insert()
        .into(ValueSnapshot)
        .values(chunk)
        .updateEntity(false)
        .execute();
      progress('write', Math.min(start + INSERT_CHUNK, rows.length), rows.length);
    }
  });
}

const SNAPSHOT_COLUMNS: [string, keyof ValueSnapshot][] = [
  ['id', 'id'],
  ['member_id', 'memberId'],
  ['as_of_date', 'asOfDate'],
  ['as_of', 'asOf'],
  ['run_id', 'runId'],
  ['currency', 'currency'],
  ['extended_minor', 'extendedMinor'],
  ['spend_realized_minor', 'spendRealizedMinor'],
  ['spend_predicted_minor', 'spendPredictedMinor'],
  ['spend_minor', 'spendMinor'],
  ['referral_minor', 'referralMinor'],
  ['influence_measured_minor', 'influenceMeasuredMinor'],
  ['influence_modeled_minor', 'influenceModeledMinor'],
  ['influence_minor', 'influenceMinor'],
  ['knowledge_minor', 'knowledgeMinor'],
  ['method', 'method'],
  ['p_alive', 'pAlive'],
  ['expected_purchases', 'expectedPurchases'],
  ['breakdown', 'breakdown'],
  ['created_at', 'createdAt'],
  ['engagement', 'engagement'],
  ['tier', 'tier'],
  ['last_activity_at', 'lastActivityAt'],
  ['order_count', 'orderCount'],
  ['influence_share', 'influenceShare'],
];

/**
 * On SQLite one prepared statement in one transaction writes 100,000 snapshots in well under
 * a second; TypeORM's multi-row inserts take several. The worker owns this connection.
 */
function writeSqliteSnapshots(
  dataSource: DataSource,
  date: string,
  rows: Partial<ValueSnapshot>[],
): void {
  const database = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase })
    .databaseConnection;
  const insert = database.prepare(
    `INSERT INTO value_snapshots (${SNAPSHOT_COLUMNS.map(([column]) => column).join(', ')}) VALUES (${SNAPSHOT_COLUMNS.map(() => '?').join(', ')})`,
  );
  database.transaction(() => {
    database.prepare('DELETE FROM value_snapshots WHERE as_of_date = ?').run(date);
    for (const row of rows)
      insert.run(...SNAPSHOT_COLUMNS.map(([, property]) => row[property] ?? null));
  })();
}
