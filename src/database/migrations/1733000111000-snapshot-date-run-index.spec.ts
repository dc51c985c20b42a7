import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '../snake-naming.strategy';
import { MIGRATIONS } from '.';
import { SnapshotDateRunIndex1733000111000 } from './1733000111000-snapshot-date-run-index';

const UP_TO_THIS = MIGRATIONS.slice(0, MIGRATIONS.indexOf(SnapshotDateRunIndex1733000111000) + 1);
/** The count of an unfiltered ranking (src/advocates/ranking/ranking-sql.ts), through the view. */
const EXCLUDED_MEMBERS =
  'SELECT x.id FROM members x WHERE x.merged_into_id IS NOT NULL OR x.profiling_objection_at IS NOT NULL';
const RANKING_COUNT = `SELECT COUNT(*) FROM value_snapshots s
  WHERE s.as_of_date = '2026-06-01' AND s.member_id NOT IN (${EXCLUDED_MEMBERS})`;

describe('SnapshotDateRunIndex1733000111000', () => {
  let dataSource: DataSource;
  const plan = async (sql: string) =>
    ((await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      migrations: UP_TO_THIS,
      migrationsTransactionMode: 'each',
      namingStrategy: new SnakeNamingStrategy(),
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(() => dataSource.destroy());

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
    await dataSource.undoLastMigration();
    expect(await plan(RANKING_COUNT)).not.toContain('ix_value_snapshot_rows_date_run_tier');
    await dataSource.runMigrations();
    expect(await plan(RANKING_COUNT)).toContain('ix_value_snapshot_rows_date_run_tier');
  });
});
