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
          remainingLifespanYears: 1,
          knowledge: { accepted: '5.00', shipped: '7.50' },
        },
      }),
    );
    test = await createTestApp({ HALO_CONFIG_FILE: file, VALUE_RECOMPUTE_IN_WORKER: 'false' });
  });
  afterAll(() => test.close());

  it('uses the configured margin, per-category margins and lifespan', async () => {
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
    // realized: 100 × 0.5 + 100 × 0.1 = 60.00; one purchase day of 200.00 over max(31, 30) days:
    // 200 × (365.25 / 31) × 1 year × (60 / 200 = 0.3 effective margin) = 706.94
    expect(value.body.components.spend).toMatchObject({ realized: '60.00', predicted: '706.94' });
    expect(value.body.coefficients).toMatchObject({
      margin: 0.5,
      remainingLifespanYears: 1,
      knowledgeAcceptedMinor: 500,
      knowledgeShippedMinor: 750,
    });
  });
});
