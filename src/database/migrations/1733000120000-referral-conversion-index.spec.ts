import { ReferralConversionIndex1733000120000 } from './1733000120000-referral-conversion-index';
import { migratedDatabase } from '../../../test/support/migrated-database';

/** The recompute's exclusion of orders that converted a referral (value-inputs.loader). */
const CONVERTED_ORDERS = `SELECT p.id FROM purchases p WHERE p.kind = 'order'
  AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.converting_purchase_id = p.id AND f.status = 'converted')`;

describe('ReferralConversionIndex1733000120000', () => {
  const database = migratedDatabase(ReferralConversionIndex1733000120000);
  const plan = database.plan;
  const dataSource = () => database.dataSource;

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('finds an order’s converted referral by the purchase and status, not by status alone', async () => {
    expect(await plan(CONVERTED_ORDERS)).toContain(
      'ix_referrals_converting_purchase_status (converting_purchase_id=? AND status=?)',
    );
  });

  it('goes back to the purchase-only index on the way down', async () => {
    await dataSource().undoLastMigration();
    const before = await plan(CONVERTED_ORDERS);
    expect(before).not.toContain('ix_referrals_converting_purchase_status');
    await dataSource().runMigrations();
    expect(await plan(CONVERTED_ORDERS)).toContain('ix_referrals_converting_purchase_status');
  });
});
