import { DataSource, EntityManager } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { rawQuery, runStatement } from '../../database/sql';
import { SnapshotCalendar } from './snapshot-calendar';
import { storeGems } from './snapshot-gems';

/** The period a ranking compares when the request names none: the 30 days to now. */
export const DEFAULT_PERIOD_DAYS = 30;

/**
 * The comparisons stored in `value_snapshot_growth`: for each current snapshot of a date, its
 * change since the member's latest snapshot at or before a start date (zero before the first),
 * on both bases, and that start snapshot's tier. The ranking reads them instead of comparing
 * every member's two snapshots, for the (date, start date) pairs stored here, and compares
 * itself for any other (ranking-sql.ts). The figures are the ranking's own expressions:
 * `end - COALESCE(start, 0)` in SQL.
 *
 * Kept consistent with the snapshots:
 *  - a row belongs to its snapshot row (`snapshot_id`, ON DELETE CASCADE): an erasure, an
 *    objection to profiling, a merge or an import undo deletes a member's snapshots and with
 *    them these rows;
 *  - publishing any run (snapshot-publisher.ts) deletes every stored comparison in the
 *    transaction that swaps the run in, since a date's new rows may be a start or an end of any;
 *  - the recompute, after publishing, stores the default period's comparisons of the latest
 *    date again (`storeDefaultGrowth`), under the recompute lock.
 * A date's snapshots are never added to but by a run, so a stored (date, start) pair holds a
 * row for every current snapshot of the date.
 */
const GROWTH_ROWS = `INSERT INTO value_snapshot_growth (snapshot_id, start_date, as_of_date, member_id,
    extended_growth, advocacy_growth, extended_growth_measured, advocacy_growth_measured, start_tier)
  SELECT s.id, CAST(:startDate AS varchar(10)), s.as_of_date, s.member_id,
         s.extended_minor - COALESCE(b.extended_minor, 0),
         s.advocacy_minor - COALESCE(b.advocacy_minor, 0),
         (s.extended_minor - s.influence_modeled_minor) - COALESCE(b.extended_minor - b.influence_modeled_minor, 0),
         (s.advocacy_minor - s.influence_modeled_minor) - COALESCE(b.advocacy_minor - b.influence_modeled_minor, 0),
         b.tier
    FROM (SELECT o.id, o.member_id, o.as_of_date, o.extended_minor, o.advocacy_minor, o.influence_modeled_minor
            FROM value_snapshots o WHERE o.as_of_date = :current ORDER BY o.member_id LIMIT 1000000000) s
    LEFT JOIN value_snapshots b ON b.member_id = s.member_id AND b.as_of_date =
      (SELECT MAX(bx.as_of_date) FROM value_snapshots bx
        WHERE bx.member_id = s.member_id AND bx.as_of_date <= :startDate)`;

/** Forgets every stored comparison: in the transaction that publishes a run. */
export async function clearStoredGrowth(manager: EntityManager): Promise<void> {
  await runStatement(manager, 'DELETE FROM value_snapshot_growth');
}

/** Whether the comparisons of `currentDate` with `startDate` are stored. */
export async function growthStored(
  dataSource: DataSource,
  currentDate: string,
  startDate: string,
): Promise<boolean> {
  const rows = await rawQuery(
    dataSource,
    'SELECT 1 AS found FROM value_snapshot_growth WHERE as_of_date = :currentDate AND start_date = :startDate LIMIT 1',
    { currentDate, startDate },
  );
  return rows.length > 0;
}

/** Stores the comparisons of `currentDate` with `startDate` (replacing those stored). */
export async function storeGrowth(
  dataSource: DataSource,
  currentDate: string,
  startDate: string,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await clearStoredGrowth(manager);
    await runStatement(manager, GROWTH_ROWS, { current: currentDate, startDate });
  });
}

/**
 * Stores what a ranking without `from` and `to` asked at `now` compares: the latest date's
 * snapshots with the latest at or before 30 days earlier (nothing when there is no such start),
 * and what its hidden gems read of them (snapshot-gems.ts).
 */
export async function storeDefaultGrowth(
  dataSource: DataSource,
  now = Date.now(),
): Promise<{ currentDate: string; startDate: string } | null> {
  const calendar = new SnapshotCalendar(dataSource);
  const currentDate = await calendar.latestDate();
  // Hidden gems' counts and median of the date's snapshots, whatever the period.
  if (currentDate !== null) await storeGems(dataSource, currentDate);
  const startDate = await calendar.cutoffDate(now - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (currentDate === null || startDate === null) return null;
  await storeGrowth(dataSource, currentDate, startDate);
  return { currentDate, startDate };
}
