import { RankingRunIndexes1733000130000 } from './1733000130000-ranking-run-indexes';
import { migratedDatabase } from '../../../test/support/migrated-database';

/** Statements of the ranking (src/advocates/ranking/ranking-sql.ts), through the view. */
const EXCLUDED_MEMBERS =
  'SELECT x.id FROM members x WHERE x.merged_into_id IS NOT NULL OR x.profiling_objection_at IS NOT NULL';
const CURRENT = `FROM value_snapshots s
  WHERE s.as_of_date = '2026-06-01' AND s.member_id NOT IN (${EXCLUDED_MEMBERS})`;
const TIER_PAGE = `SELECT s.member_id ${CURRENT} AND s.tier = 'Champion'
  ORDER BY s.advocacy_minor DESC, s.member_id DESC LIMIT 51`;
const GEMS_COUNT = `SELECT COUNT(*) ${CURRENT}
  AND s.advocacy_minor > 0 AND s.advocacy_minor >= 5000 AND s.spend_minor + 0 < 3000`;
const AT_RISK_COUNT = `SELECT COUNT(*) ${CURRENT} AND s.tier IN ('Champion', 'Advocate')
  AND ((s.last_activity_at >= 1 AND s.last_activity_at < 2) OR s.p_alive < 0.3)`;
const CUSTOMERS = `SELECT COUNT(*) FROM value_snapshots s
  WHERE s.as_of_date = '2026-06-01' AND s.order_count > 0`;

describe('RankingRunIndexes1733000130000', () => {
  const database = migratedDatabase(RankingRunIndexes1733000130000);
  const plan = database.plan;

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('pages a tier in advocacy order from its index, without a sort', async () => {
    const tierPage = await plan(TIER_PAGE);
    expect(tierPage).toContain(
      'ix_value_snapshot_rows_date_run_tier_advocacy (as_of_date=? AND run_id=? AND tier=?)',
    );
    expect(tierPage).not.toContain('TEMP B-TREE');
  });

  it('counts hidden gems, at-risk members and customers from indexes alone', async () => {
    expect(await plan(GEMS_COUNT)).toContain(
      'COVERING INDEX ix_value_snapshot_rows_date_run_advocacy (as_of_date=? AND run_id=? AND advocacy_minor>?)',
    );
    expect(await plan(AT_RISK_COUNT)).toContain(
      'COVERING INDEX ix_value_snapshot_rows_date_run_tier_advocacy (as_of_date=? AND run_id=? AND tier=?)',
    );
    expect(await plan(CUSTOMERS)).toContain(
      'COVERING INDEX ix_value_snapshot_rows_date_run_orders (as_of_date=? AND run_id=? AND order_count>?)',
    );
  });

  it('drops the indexes on the way down', async () => {
    await database.dataSource.undoLastMigration();
    expect(await plan(TIER_PAGE)).not.toContain('ix_value_snapshot_rows_date_run_tier_advocacy');
    await database.dataSource.runMigrations();
    expect(await plan(TIER_PAGE)).toContain('ix_value_snapshot_rows_date_run_tier_advocacy');
  });
});
