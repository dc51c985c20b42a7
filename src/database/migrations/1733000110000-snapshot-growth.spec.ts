import { SnapshotGrowth1733000110000 } from './1733000110000-snapshot-growth';
import { migratedDatabase } from '../../../test/support/migrated-database';

const BY_GROWTH = `SELECT g.member_id FROM value_snapshot_growth g
  WHERE g.as_of_date = '2026-06-01' AND g.start_date = '2026-05-01'
  ORDER BY g.extended_growth DESC, g.member_id DESC LIMIT 51`;
const RISING = `SELECT COUNT(*) FROM value_snapshot_growth g
  WHERE g.as_of_date = '2026-06-01' AND g.start_date = '2026-05-01' AND g.advocacy_growth > 0`;

describe('SnapshotGrowth1733000110000', () => {
  const database = migratedDatabase(SnapshotGrowth1733000110000);
  const plan = database.plan;
  const dataSource = () => database.dataSource;

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('orders a growth sort and narrows the rising segment by index, without sorting', async () => {
    const sorted = await plan(BY_GROWTH);
    expect(sorted).toContain('ix_value_snapshot_growth_extended (as_of_date=? AND start_date=?)');
    expect(sorted).not.toContain('TEMP B-TREE');
    const measured = await plan(BY_GROWTH.replace('extended_growth', 'extended_growth_measured'));
    expect(measured).toContain('ix_value_snapshot_growth_extended_measured');
    expect(measured).not.toContain('TEMP B-TREE');
    expect(await plan(RISING)).toContain(
      'ix_value_snapshot_growth_advocacy (as_of_date=? AND start_date=? AND advocacy_growth>?)',
    );
  });

  it('deletes a snapshot’s stored comparisons with the snapshot row', async () => {
    await dataSource().query(
      `INSERT INTO value_runs (id, as_of, as_of_date, status, trigger, started_at, members)
       VALUES ('run-1', 0, '2026-06-01', 'succeeded', 'manual', 0, 1)`,
    );
    await dataSource().query(
      `INSERT INTO members (id, referral_code, created_at, updated_at) VALUES ('member-1', 'CODE1', 0, 0)`,
    );
    const columns = await dataSource().query('PRAGMA table_info(value_snapshot_rows)');
    const required = (columns as { name: string; notnull: number; dflt_value: unknown }[]).filter(
      (column) => column.notnull && column.dflt_value === null,
    );
    const values: Record<string, unknown> = {
      id: 'snapshot-1',
      member_id: 'member-1',
      as_of_date: '2026-06-01',
      run_id: 'run-1',
      currency: 'EUR',
      method: 'bgnbd',
    };
    const names = required.map((column) => column.name);
    await dataSource().query(
      `INSERT INTO value_snapshot_rows (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      names.map((name) => values[name] ?? 0),
    );
    await dataSource().query(
      `INSERT INTO value_snapshot_growth (snapshot_id, start_date, as_of_date, member_id, extended_growth,
         advocacy_growth, extended_growth_measured, advocacy_growth_measured, start_tier)
       VALUES ('snapshot-1', '2026-05-01', '2026-06-01', 'member-1', 5, 3, 5, 3, NULL)`,
    );
    await dataSource().query("DELETE FROM value_snapshot_rows WHERE member_id = 'member-1'");
    expect(await dataSource().query('SELECT * FROM value_snapshot_growth')).toEqual([]);
  });

  it('drops the table on the way down', async () => {
    await dataSource().undoLastMigration();
    const tables = await dataSource().query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'value_snapshot_growth'",
    );
    expect(tables).toEqual([]);
    await dataSource().runMigrations();
  });
});
