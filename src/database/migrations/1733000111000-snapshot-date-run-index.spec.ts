import { SnapshotDateRunIndex1733000111000 } from './1733000111000-snapshot-date-run-index';
import { migratedDatabase } from '../../../test/support/migrated-database';

/** The count of an unfiltered ranking (src/advocates/ranking/ranking-sql.ts), through the view. */
const EXCLUDED_MEMBERS =
  'SELECT x.id FROM members x WHERE x.merged_into_id IS NOT NULL OR x.profiling_objection_at IS NOT NULL';
const RANKING_COUNT = `SELECT COUNT(*) FROM value_snapshots s
  WHERE s.as_of_date = '2026-06-01' AND s.member_id NOT IN (${EXCLUDED_MEMBERS})`;

describe('SnapshotDateRunIndex1733000111000', () => {
  const database = migratedDatabase(SnapshotDateRunIndex1733000111000);
  const plan = database.plan;
  const dataSource = () => database.dataSource;

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('counts a date’s current snapshots from the index alone', async () => {
    expect(await plan(RANKING_COUNT)).toContain(
      'COVERING INDEX ix_value_snapshot_rows_date_run_tier (as_of_date=? AND run_id=?)',
    );
  });

  it('counts a tier of a date from the index alone', async () => {
    expect(await plan(`${RANKING_COUNT} AND s.tier = 'Champion'`)).toContain(
      'COVERING INDEX ix_value_snapshot_rows_date_run_tier (as_of_date=? AND run_id=? AND tier=?)',
    );
  });

  it('drops the index on the way down', async () => {
    await dataSource().undoLastMigration();
    expect(await plan(RANKING_COUNT)).not.toContain('ix_value_snapshot_rows_date_run_tier');
    await dataSource().runMigrations();
    expect(await plan(RANKING_COUNT)).toContain('ix_value_snapshot_rows_date_run_tier');
  });
});
