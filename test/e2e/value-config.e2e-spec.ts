import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, createTestApp } from '../support/test-app';
import { createMember, createPurchase } from '../support/factories';

/** Coefficients come from config/: changing them and recomputing changes the values. */
describe('value coefficients from the config file', () => {
  let test: TestApp;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'halo-value-config-')), 'halo.json');
    writeFileSync(
      file,
      JSON.stringify({
        value: {
          margin: 0.5,
          marginByCategory: { books: 0.1 },
          annualDiscountRate: 0,
          remainingLifespanYears: 1,
          simple: { credibilityDays: 30 },
          lapseDays: 90,
          knowledge: { accepted: '5.00', shipped: '7.50' },
        },
      }),
    );
    test = await createTestApp({ HALO_CONFIG_FILE: file, VALUE_RECOMPUTE_IN_WORKER: 'false' });
  });
  afterAll(() => test.close());

  it('uses the configured margin, per-category margins, discount rate and lifespan', async () => {
    const member = await createMember(test);
    await createPurchase(test, {
      memberId: member.id,
      amount: '100.00',
      occurredAt: '2026-01-01T00:00:00Z',
    });
    await createPurchase(test, {
      memberId: member.id,
      amount: '100.00',
      occurredAt: '2026-01-01T12:00:00Z',
      productCategory: 'books',
    });
    await createPurchase(test, {
      memberId: member.id,
      amount: '100.00',
      occurredAt: '2026-01-11T00:00:00Z',
    });
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '2026-02-01' })
      .expect(200);
    const value = await test
      .http()
      .get(`/api/v1/members/${member.id}/value`)
      .set('Authorization', test.keys.viewer)
      .expect(200);
    // realized: 100 × 0.5 + 100 × 0.1 + 100 × 0.5 = 110.00, effective margin 110 / 300.
    // Purchase days Jan 1 (200.00) and Jan 11 (100.00): x = 1, T = 31, AOV 150.00. The only
    // customer, so f̄ = 1/31 a day and (1 + 30/31) / (31 + 30) = 1/31 a day: 365.25 / 31 =
    // 11.782258 repeat orders a year, × 1 year, undiscounted (rate 0):
    // 150.00 × 11.782258 × 1 × 110/300 = 648.024 → 648.02
    expect(value.body.components.spend).toMatchObject({ realized: '110.00', predicted: '648.02' });
    expect(value.body.coefficients).toMatchObject({
      margin: 0.5,
      annualDiscountRate: 0,
      remainingLifespanYears: 1,
      credibilityDays: 30,
      lapseDays: 90,
      // Amounts in major units under their configured names.
      knowledgeAccepted: '5.00',
      knowledgeShipped: '7.50',
    });
  });
});
