import { DataSource, EntityManager } from 'typeorm';
import { clearStoredGrowth } from '../advocates/ranking/snapshot-growth';
import { runStatement } from '../database/sql';
import { ValueRun } from './value-run.entity';

/** Members who object to profiling: valued with everyone (aggregates), stored for no one. */
const OBJECTORS = 'member_id IN (SELECT id FROM members WHERE profiling_objection_at IS NOT NULL)';

/**
 * Makes a run's snapshots the current ones for its date, in the transaction that records the
 * run as succeeded: readers (the view `value_snapshots`) see the previous run's rows or this
 * run's, never a mix and never the rows of a run that has not finished. The previous run's rows
 * of the date go, and so do this run's rows of members who objected to profiling while it ran
 * (an objection deletes the rows it finds; these were not yet written then). The ranking's
 * stored comparisons (value_snapshot_growth) go too: the date's new rows may be the end or the
 * start of any of them; the recompute stores the default period's again after this.
 */
export async function publishSnapshots(
  dataSource: DataSource,
  run: { runId: string; asOfDate: string },
  completion: Partial<ValueRun>,
): Promise<void> {
  const parameters = { runId: run.runId, date: run.asOfDate, now: Date.now() };
  await dataSource.transaction(async (manager) => {
    await clearStoredGrowth(manager);
    await runStatement(
      manager,
      `DELETE FROM value_snapshot_rows WHERE run_id = :runId AND ${OBJECTORS}`,
      parameters,
    );
    await runStatement(
      manager,
      `INSERT INTO value_snapshot_dates (as_of_date, run_id, swapped_at) VALUES (:date, :runId, :now)
       ON CONFLICT (as_of_date) DO UPDATE SET run_id = excluded.run_id, swapped_at = excluded.swapped_at`,
      parameters,
    );
    await runStatement(
      manager,
      'DELETE FROM value_snapshot_rows WHERE as_of_date = :date AND run_id <> :runId',
      parameters,
    );
    await manager.getRepository(ValueRun).update(run.runId, completion);
  });
}

/**
 * Deletes the rows of runs that will never be current (failed, or abandoned by an instance that
 * died), unless a date's pointer names them.
 */
export async function discardSnapshots(
  manager: EntityManager,
  runIds: readonly string[],
): Promise<void> {
  if (!runIds.length) return;
  await runStatement(
    manager,
    `DELETE FROM value_snapshot_rows WHERE run_id IN (:...runIds)
       AND run_id NOT IN (SELECT run_id FROM value_snapshot_dates)`,
    { runIds },
  );
}
