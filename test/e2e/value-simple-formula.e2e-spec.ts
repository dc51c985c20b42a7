import { DataSource } from 'typeorm';
import { SnapshotDatePointer1733000045000 } from '../../src/database/migrations/1733000045000-snapshot-date-pointer';
import { SnapshotSimpleFormula1733000005000 } from '../../src/database/migrations/1733000005000-snapshot-simple-formula';
import { toNdjson } from '../support/import-files';
import { createMember } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

const YEAR = 365.25;
const MONTH = YEAR / 12;

/**
 * The simple formula's discounted margin written out (docs/value-model.md): the orders of L
 * years spread evenly, month k discounted by 1.1^(−k/12), at a 30 % margin. In minor units.
 */
function discountedMargin(averageOrderMinor: number, ordersPerYear: number, years: number) {
  const days = years * YEAR;
  let total = 0;
  for (let month = 1; month <= Math.ceil(years * 12); month += 1) {
    const orders =
      (ordersPerYear / YEAR) *
      (Math.min(month * MONTH, days) - Math.min((month - 1) * MONTH, days));
    total += averageOrderMinor * orders * 0.3 * 1.1 ** (-month / 12);
  }
  return total;
}

/** Minor units as the API's decimal string, half-even as the engine rounds (no ties here). */
const euros = (minor: number) => (Math.round(minor) / 100).toFixed(2);

/**
 * The seeds' simple formula beside the fitted prediction: GET /model for the brand and
 * GET /members/:id/value per member, against figures worked by hand, before and after enough
 * customers have lapsed for the relationship length to be measured.
 *
 * The community (all orders at 00:00 UTC):
 * - 30 one-time buyers, 40.00 on 2025-01-01;
 * - 20 who bought 60.00 on 2024-07-01 and 2025-01-01 (t_x 184 days), then stopped;
 * - 10 who bought 100.00 on 2025-07-01 and 2026-06-01 (t_x 335 days), still buying;
 * - a newcomer with one order of 80.00 on 2026-06-21, and a member who never bought.
 * 30 repeat buyers (< 50): the simple formula values everyone, so its value is the prediction.
 */
describe('the simple formula side by side', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};

  const get = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;
  const recompute = async (asOf: string) => {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf })
      .expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', method: 'simple' });
  };
  const upload = async (type: string, rows: unknown[]) => {
    const response = await test
      .http()
      .post(`/api/v1/import/${type}`)
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'application/x-ndjson')
      .send(toNdjson(rows));
    expect(response.body).toMatchObject({ rows: rows.length, created: rows.length, refused: 0 });
  };

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    const groups = [
      { prefix: 'once', count: 30, orders: [['2025-01-01', '40.00']] },
      {
        prefix: 'ended',
        count: 20,
        orders: [
          ['2024-07-01', '60.00'],
          ['2025-01-01', '60.00'],
        ],
      },
      {
        prefix: 'loyal',
        count: 10,
        orders: [
          ['2025-07-01', '100.00'],
          ['2026-06-01', '100.00'],
        ],
      },
      { prefix: 'newcomer', count: 1, orders: [['2026-06-21', '80.00']] },
      { prefix: 'browser', count: 1, orders: [] },
    ];
    const members = groups.flatMap((group) =>
      Array.from({ length: group.count }, (_, index) => `${group.prefix}-${index}`),
    );
    for (const externalId of members.filter((id) => id.endsWith('-0')))
      ids[externalId.slice(0, -2)] = (await createMember(test, { externalId })).id;
    await upload(
      'members',
      members
        .filter((id) => !id.endsWith('-0'))
        .map((externalId) => ({ externalId, name: `Customer ${externalId}` })),
    );
    await upload(
      'purchases',
      groups.flatMap((group) =>
        Array.from({ length: group.count }, (_, index) =>
          group.orders.map(([occurredAt, amount], order) => ({
            externalId: `${group.prefix}-${index}-${order}`,
            memberExternalId: `${group.prefix}-${index}`,
            amount,
            currency: 'EUR',
            occurredAt,
          })),
        ).flat(),
      ),
    );
  });
  afterAll(() => test?.close());

  describe('as of 2025-10-01: nobody has lapsed yet, the configured 3 years are assumed', () => {
    // Bought by then: the 30 one-time buyers (T 273 days), the 20 (x 1, t_x 184, T 457; their
    // last order 273 days ago) and the 10 loyal with their first order (T 92).
    // AOV = (1200 + 2400 + 1000) / (30 + 40 + 10) purchase days = 57.50.
    // f̄ = 20 / (30 × 273 + 20 × 457 + 10 × 92) = 20 / 18250; × 365.25 = 0.400274 orders a year.
    const ratePerDay = 20 / 18250;
    beforeAll(() => recompute('2025-10-01'));

    it('GET /model: average order × orders a year × 3 years', async () => {
      const model = await get('/api/v1/model');
      const ordersPerYear = YEAR * ratePerDay;
      expect(model.simpleFormula).toEqual({
        customers: 60,
        averageOrderValue: '57.50',
        ordersPerYear: Number(ordersPerYear.toFixed(4)),
        relationshipYears: 3,
        relationshipBasis: 'assumed',
        lapsedCustomers: 0,
        minLapsedCustomers: 50,
        marginRate: 0.3,
        // 57.50 × 0.400274 × 3 = 69.05
        simpleLtv: '69.05',
        // 57.50 × 0.3 × 0.400274 / 12 a month over 36 discounted months = 17.94
        simpleLtvMargin: euros(discountedMargin(5750, ordersPerYear, 3)),
      });
      expect(model.simpleFormula.simpleLtvMargin).toBe('17.94');
    });

    it("GET /members/:id/value: the member's own factors beside the prediction", async () => {
      // ended-0: AOV 60.00; 365.25 × (1 + 365 f̄) / (457 + 365) = 0.622080 a year; 3 years.
      const ended = await get(`/api/v1/members/${ids.ended}/value`);
      const ordersPerYear = (YEAR * (1 + 365 * ratePerDay)) / (457 + 365);
      expect(ended.simpleFormula).toEqual({
        averageOrderValue: '60.00',
        ordersPerYear: Number(ordersPerYear.toFixed(4)),
        relationshipYears: 3,
        relationshipBasis: 'assumed',
        // 60.00 × 0.622080 × 3 = 111.97
        revenue: '111.97',
        marginRate: 0.3,
        value: euros(discountedMargin(6000, ordersPerYear, 3)),
      });
      expect(ended.simpleFormula.value).toBe('29.10');
      // The simple formula values everyone here: its value is the prediction.
      expect(ended.components.spend).toMatchObject({ method: 'simple', predicted: '29.10' });
      // Not yet a customer on 2025-10-01: no formula.
      expect((await get(`/api/v1/members/${ids.newcomer}/value`)).simpleFormula).toBeNull();
      expect((await get(`/api/v1/members/${ids.browser}/value`)).simpleFormula).toBeNull();
    });
  });

  describe('as of 2026-07-01: 50 customers have lapsed, the relationship length is measured', () => {
    // Kaplan–Meier over the 61 customers: at 0 days the newcomer (still running) leaves the 61
    // and 30 of the other 60 end: S = 1/2; at 184 days 20 of 30 end: S = 1/6; at 335 the 10
    // loyal leave still buying. Mean = 184 / 2 + 151 / 6 = 117.167 days = 0.320785 years
    // (the lapsed alone would average 20 × 184 / 50 = 73.6 days).
    const meanDays = 184 / 2 + 151 / 6;
    // AOV = (1200 + 2400 + 2000 + 80) / (30 + 40 + 20 + 1) = 62.4176; f̄ = 30 / (30 × 546 +
    // 20 × 730 + 10 × 365 + 10) = 30 / 34640: 0.316325 orders a year.
    const ratePerDay = 30 / 34640;
    beforeAll(() => recompute('2026-07-01'));

    it('GET /model: the measured relationship length and its product', async () => {
      const model = await get('/api/v1/model');
      const ordersPerYear = YEAR * ratePerDay;
      const years = meanDays / YEAR;
      expect(model.simpleFormula).toEqual({
        customers: 61,
        averageOrderValue: '62.42',
        ordersPerYear: Number(ordersPerYear.toFixed(4)),
        relationshipYears: Number(years.toFixed(4)),
        relationshipBasis: 'measured',
        lapsedCustomers: 50,
        minLapsedCustomers: 50,
        marginRate: 0.3,
        // 62.4176 × 0.316325 × 0.320785 = 6.33
        simpleLtv: euros((568000 / 91) * ordersPerYear * years),
        simpleLtvMargin: euros(discountedMargin(568000 / 91, ordersPerYear, years)),
      });
      expect(model.simpleFormula).toMatchObject({ simpleLtv: '6.33', simpleLtvMargin: '1.86' });
    });

    it('gives the newcomer the mean less their 10 days, and the loyal none left', async () => {
      // Newcomer: AOV 80.00; 365.25 × 365 f̄ / (10 + 365) = 0.307890 a year; (117.167 − 10) /
      // 365.25 = 0.293406 years; 80.00 × 0.307890 × 0.293406 = 7.23.
      const newcomer = await get(`/api/v1/members/${ids.newcomer}/value`);
      const ordersPerYear = (YEAR * 365 * ratePerDay) / (10 + 365);
      const years = (meanDays - 10) / YEAR;
      expect(newcomer.simpleFormula).toEqual({
        averageOrderValue: '80.00',
        ordersPerYear: Number(ordersPerYear.toFixed(4)),
        relationshipYears: Number(years.toFixed(4)),
        relationshipBasis: 'measured',
        revenue: '7.23',
        marginRate: 0.3,
        value: euros(discountedMargin(8000, ordersPerYear, years)),
      });
      expect(newcomer.simpleFormula.value).toBe('2.13');
      expect(newcomer.components.spend.predicted).toBe('2.13');
      // loyal-0: a customer for 365 days, past the mean: nothing left of the relationship.
      const loyal = await get(`/api/v1/members/${ids.loyal}/value`);
      expect(loyal.simpleFormula).toMatchObject({
        averageOrderValue: '100.00',
        ordersPerYear: Number(((YEAR * (1 + 365 * ratePerDay)) / 730).toFixed(4)),
        relationshipYears: 0,
        revenue: '0.00',
        value: '0.00',
      });
      expect((await get(`/api/v1/members/${ids.browser}/value`)).simpleFormula).toBeNull();
    });

    it('serves null for snapshots stored before the column (migration 1733000005000), until a recompute', async () => {
      const before = await get(`/api/v1/members/${ids.newcomer}/value`);
      const queryRunner = test.app.get(DataSource).createQueryRunner();
      try {
        await queryRunner.connect();
        // The table as that migration knew it: the per-date pointer came after it.
        await new SnapshotDatePointer1733000045000().down(queryRunner);
        await new SnapshotSimpleFormula1733000005000().down(queryRunner);
        await new SnapshotSimpleFormula1733000005000().up(queryRunner);
        await new SnapshotDatePointer1733000045000().up(queryRunner);
      } finally {
        await queryRunner.release();
      }
      const after = await get(`/api/v1/members/${ids.newcomer}/value`);
      expect(after.simpleFormula).toBeNull();
      expect({ ...after, simpleFormula: before.simpleFormula }).toEqual(before);
      await recompute('2026-07-01');
      expect((await get(`/api/v1/members/${ids.newcomer}/value`)).simpleFormula).toEqual(
        before.simpleFormula,
      );
    });
  });
});
