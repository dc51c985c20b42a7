import { WebhookFailureIndex1733000090000 } from './1733000090000-webhook-failure-index';
import { migratedDatabase } from '../../../test/support/migrated-database';

const FAILED_LAST_DAY =
  "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed' AND last_attempt_at >= 0";
const LATEST_FAILED =
  "SELECT * FROM webhook_deliveries WHERE status = 'failed' AND last_attempt_at >= 0 ORDER BY last_attempt_at DESC, id DESC LIMIT 20";

describe('WebhookFailureIndex1733000090000', () => {
  const database = migratedDatabase(WebhookFailureIndex1733000090000);
  const plan = database.plan;
  const dataSource = () => database.dataSource;

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('serves the summary’s count and list of failed deliveries by time from the index', async () => {
    expect(await plan(FAILED_LAST_DAY)).toContain(
      'ix_webhook_deliveries_status_attempted (status=? AND last_attempt_at>?)',
    );
    const latest = await plan(LATEST_FAILED);
    expect(latest).toContain('ix_webhook_deliveries_status_attempted');
  });

  it('drops the index on the way down, when the count falls back to the status prefix', async () => {
    await dataSource().undoLastMigration();
    const before = await plan(FAILED_LAST_DAY);
    expect(before).not.toContain('ix_webhook_deliveries_status_attempted');
    expect(before).not.toContain('last_attempt_at>?');
    await dataSource().runMigrations();
    expect(await plan(FAILED_LAST_DAY)).toContain('ix_webhook_deliveries_status_attempted');
  });
});
