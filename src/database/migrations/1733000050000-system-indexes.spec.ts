import { SystemIndexes1733000050000 } from './1733000050000-system-indexes';
import { migratedDatabase } from '../../../test/support/migrated-database';

describe('SystemIndexes1733000050000', () => {
  const database = migratedDatabase(SystemIndexes1733000050000);
  const plan = database.plan;
  const dataSource = () => database.dataSource;
  const indexes = async () =>
    (
      (await dataSource().query("SELECT name FROM sqlite_master WHERE type = 'index'")) as {
        name: string;
      }[]
    ).map((row) => row.name);

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('serves the summary’s queries on failed deliveries and runs by status from an index', async () => {
    expect(
      await plan(
        "SELECT COUNT(*) FROM digest_deliveries WHERE status IN ('failed', 'failed-permanent') AND updated_at >= 0",
      ),
    ).toContain('ix_digest_deliveries_status_updated');
    expect(
      await plan(
        "SELECT * FROM value_runs WHERE status = 'failed' AND started_at >= 0 ORDER BY started_at DESC LIMIT 20",
      ),
    ).toContain('ix_value_runs_status_started');
  });

  it('drops both indexes on the way down and creates them again on the way up', async () => {
    await dataSource().undoLastMigration();
    expect(await indexes()).not.toContain('ix_digest_deliveries_status_updated');
    expect(await indexes()).not.toContain('ix_value_runs_status_started');
    await dataSource().runMigrations();
    expect(await indexes()).toEqual(
      expect.arrayContaining([
        'ix_digest_deliveries_status_updated',
        'ix_value_runs_status_started',
      ]),
    );
  });
});
