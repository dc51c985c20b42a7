import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { AdvocateAssessment } from '../advocates/advocate-assessment';
import { timeOrderedUuids } from '../common/ids/time-ordered-uuid';
import { sqliteConnection } from '../database/sql';
import { ChunkCompletion } from './chunks/chunk-leases';
import { MemberValue } from './engine/value-types';
import { ValueSnapshot } from './value-snapshot.entity';

export type Progress = (stage: string, done: number, total: number) => void;

export interface SnapshotBatch {
  runId: string;
  asOf: number;
  asOfDate: string;
  currency: string;
  values: readonly MemberValue[];
  assessments: ReadonlyMap<string, AdvocateAssessment>;
}

const INSERT_CHUNK = 400;

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
  ['advocacy_minor', 'advocacyMinor'],
  ['method', 'method'],
  ['p_alive', 'pAlive'],
  ['expected_purchases', 'expectedPurchases'],
  ['breakdown', 'breakdown'],
  ['created_at', 'createdAt'],
  ['engagement', 'engagement'],
  ['tier', 'tier'],
  ['tier_reason', 'tierReason'],
  ['last_activity_at', 'lastActivityAt'],
  ['order_count', 'orderCount'],
  ['influence_share', 'influenceShare'],
  ['simple_formula', 'simpleFormula'],
];

/**
 * Writes the snapshots of a run's chunk, one per valued member, under the run: nobody reads them
 * until `publishSnapshots` makes the run current for its date. Objectors to profiling keep none.
 * `completion` marks the chunk done in the same transaction (or throws, and nothing is written).
 */
export async function writeSnapshots(
  dataSource: DataSource,
  batch: SnapshotBatch,
  completion: ChunkCompletion,
): Promise<void> {
  const sqlite = sqliteConnection(dataSource);
  if (sqlite) writeSqliteSnapshots(sqlite, batch, completion);
  else await writeChunks(dataSource, batch, completion);
}

/** Rows in member order with increasing ids, so that the table and its keys grow at the end. */
function* snapshotRows(batch: SnapshotBatch): Generator<Partial<ValueSnapshot>> {
  const createdAt = Date.now();
  const nextId = timeOrderedUuids(createdAt);
  for (const value of batch.values) {
    yield {
      id: nextId(),
      memberId: value.memberId,
      asOfDate: batch.asOfDate,
      asOf: batch.asOf,
      runId: batch.runId,
      currency: batch.currency,
      extendedMinor: value.extendedMinor,
      spendRealizedMinor: value.spendRealizedMinor,
      spendPredictedMinor: value.spendPredictedMinor,
      spendMinor: value.spendMinor,
      referralMinor: value.referralMinor,
      influenceMeasuredMinor: value.influenceMeasuredMinor,
      influenceModeledMinor: value.influenceModeledMinor,
      influenceMinor: value.influenceMinor,
      knowledgeMinor: value.knowledgeMinor,
      advocacyMinor: value.advocacyMinor,
      method: value.method,
      pAlive: value.pAlive,
      expectedPurchases: value.expectedPurchases,
      breakdown: JSON.stringify({ byChannel: value.byChannel, drivers: value.drivers }),
      simpleFormula: value.simpleFormula && JSON.stringify(value.simpleFormula),
      createdAt,
      ...batch.assessments.get(value.memberId),
    };
  }
}

/**
 * On SQLite one prepared statement in one transaction, each row built as it is written, so
 * that 100,000 rows and their breakdowns never sit in memory at once. The worker owns this
 * connection.
 */
function writeSqliteSnapshots(
  database: SqliteDatabase,
  batch: SnapshotBatch,
  completion: ChunkCompletion,
): void {
  const insert = database.prepare(
    `INSERT INTO value_snapshot_rows (${SNAPSHOT_COLUMNS.map(([column]) => column).join(', ')})
     VALUES (${SNAPSHOT_COLUMNS.map(() => '?').join(', ')})`,
  );
  database.transaction(() => {
    for (const row of snapshotRows(batch))
      insert.run(...SNAPSHOT_COLUMNS.map(([, property]) => row[property] ?? null));
    completion.sqlite(database);
  })();
}

async function writeChunks(
  dataSource: DataSource,
  batch: SnapshotBatch,
  completion: ChunkCompletion,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    let chunk: Partial<ValueSnapshot>[] = [];
    const flush = async () => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ValueSnapshot)
        .values(chunk)
        .updateEntity(false)
        .execute();
      chunk = [];
    };
    for (const row of snapshotRows(batch)) {
      chunk.push(row);
      if (chunk.length === INSERT_CHUNK) await flush();
    }
    if (chunk.length) await flush();
    await completion.manager(manager);
  });
}
