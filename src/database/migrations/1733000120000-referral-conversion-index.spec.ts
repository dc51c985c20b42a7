import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '../snake-naming.strategy';
import { MIGRATIONS } from '.';
import { ReferralConversionIndex1733000120000 } from './1733000120000-referral-conversion-index';

const UP_TO_THIS = MIGRATIONS.slice(
  0,
  MIGRATIONS.indexOf(ReferralConversionIndex1733000120000) + 1,
);
/** The recompute's exclusion of orders that converted a referral (value-inputs.loader). */
const CONVERTED_ORDERS = `SELECT p.id FROM purchases p WHERE p.kind = 'order'
  AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.converting_purchase_id = p.id AND f.status = 'converted')`;

describe('ReferralConversionIndex1733000120000', () => {
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

  it('finds an order’s converted referral by the purchase and status, not by status alone', async () => {
    expect(await plan(CONVERTED_ORDERS)).toContain(
      'ix_referrals_converting_purchase_status (converting_purchase_id=? AND status=?)',
    );
  });

  it('goes back to the purchase-only index on the way down', async () => {
    await dataSource.undoLastMigration();
    const before = await plan(CONVERTED_ORDERS);
    expect(before).not.toContain('ix_referrals_converting_purchase_status');
    await dataSource.runMigrations();
    expect(await plan(CONVERTED_ORDERS)).toContain('ix_referrals_converting_purchase_status');
  });
});
