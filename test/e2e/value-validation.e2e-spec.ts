import { TestApp, createTestApp } from '../support/test-app';
import { createMember, createPurchase } from '../support/factories';

/**
 * GET /api/v1/model/validation on hand-built histories (fewer than 50 repeat buyers, so the
 * engine uses the simple formula). asOf 2026-01-01, until 2026-03-15: a 73-day holdout. A
 * customer first seen 365 days before asOf is expected to buy purchaseDays / 365 × 365.25 a
 * year, × 73 / 365.25 years = 0.2 × purchaseDays; one with T < 30 days reads over 30 days:
 * 73 / 30 = 2.4333 × purchaseDays.
 */
describe('model validation (GET /api/v1/model/validation)', () => {
  let test: TestApp;
  const validation = (query: Record<string, string>, key?: string) =>
    test
      .http()
      .get('/api/v1/model/validation')
      .query(query)
      .set('Authorization', key ?? test.keys.viewer);
  const buy = (memberId: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
    createPurchase(test, { memberId, occurredAt, amount: '40.00', ...extra });

  beforeAll(async () => {
    test = await createTestApp();
    const [ann, ben, cleo, dan, eve, fay] = await Promise.all(
      ['ann', 'ben', 'cleo', 'dan', 'eve', 'fay'].map((name) => createMember(test, { name })),
    );
    // ann: one purchase day a year before asOf; buys once in the holdout. Expected 0.2, actual 1.
    await buy(ann.id, '2025-01-01T09:00:00Z');
    await buy(ann.id, '2026-02-01T09:00:00Z');
    // ben: two orders on one day count as one repeat day (x = 1). In the holdout: two orders on
    // one day (one day), an order refunded in full (no day), an order after until. Expected 0.4, actual 1.
    await buy(ben.id, '2025-01-01T09:00:00Z');
    await buy(ben.id, '2025-06-01T10:00:00Z');
    await buy(ben.id, '2025-06-01T15:00:00Z');
    await buy(ben.id, '2026-01-10T10:00:00Z');
    await buy(ben.id, '2026-01-10T16:00:00Z');
    await buy(ben.id, '2026-02-10T10:00:00Z', { externalId: 'ben-refunded' });
    await buy(ben.id, '2026-02-12T10:00:00Z', { kind: 'refund', refundOf: 'ben-refunded' });
    await buy(ben.id, '2026-03-20T10:00:00Z');
    // cleo: a fully refunded day is no purchase day (x = 1); nothing in the holdout. Expected 0.4, actual 0.
    await buy(cleo.id, '2025-01-01T09:00:00Z');
    await buy(cleo.id, '2025-03-01T09:00:00Z', { externalId: 'cleo-refunded' });
    await buy(cleo.id, '2025-03-02T09:00:00Z', { kind: 'refund', refundOf: 'cleo-refunded' });
    await buy(cleo.id, '2025-09-01T09:00:00Z');
    // dan: first bought 10 days before asOf (read over 30 days); three holdout days. Expected 2.4333, actual 3.
    await buy(dan.id, '2025-12-22T09:00:00Z');
    await buy(dan.id, '2026-01-05T09:00:00Z');
    await buy(dan.id, '2026-02-05T09:00:00Z');
    await buy(dan.id, '2026-03-05T09:00:00Z');
    // eve first bought in the holdout: not a customer at asOf.
    await buy(eve.id, '2026-01-20T09:00:00Z');
    // fay: bought at asOf itself (counts before it), again later that day (the same purchase
    // day) and the next day. Expected 2.4333, actual 1.
    await buy(fay.id, '2026-01-01T00:00:00Z');
    await buy(fay.id, '2026-01-01T10:00:00Z');
    await buy(fay.id, '2026-01-02T10:00:00Z');
  });
  afterAll(() => test.close());

  it('compares expected and actual repeat purchases, for the engine and the simple formula', async () => {
    const { body } = await validation({ asOf: '2026-01-01', until: '2026-03-15' }).expect(200);
    expect(body).toMatchObject({
      asOf: '2026-01-01T00:00:00.000Z',
      until: '2026-03-15T00:00:00.000Z',
      holdoutDays: 73,
      customers: 5,
    });
    const expected = {
      method: 'simple',
      params: null,
      // 0.2 + 0.4 + 0.4 + 2.4333 + 2.4333
      totalExpected: 5.8667,
      totalActual: 6,
      // (5.8667 − 6) / 6
      totalPercentError: -2.2222,
      // (0.8 + 0.6 + 0.4 + 0.5667 + 1.4333) / 5
      meanAbsoluteError: 0.76,
      calibration: [
        // ann, dan, fay: (0.2 + 2.4333 + 2.4333) / 3 against (1 + 3 + 1) / 3
        { pastPurchases: 0, customers: 3, meanExpected: 1.6889, meanActual: 1.6667 },
        { pastPurchases: 1, customers: 2, meanExpected: 0.4, meanActual: 0.5 },
        ...[2, 3, 4, 5, 6, '7+'].map((pastPurchases) => ({
          pastPurchases,
          customers: 0,
          meanExpected: null,
          meanActual: null,
        })),
      ],
    };
    expect(body.simple).toEqual({ ...expected, reason: null });
    // Fewer than minRepeatBuyers: the fitted column says why and shows the simple formula.
    expect(body.fitted).toEqual({
      ...expected,
      reason: expect.stringContaining('minRepeatBuyers'),
    });
  });

  it('reports the cumulative check day by day, ending on the totals', async () => {
    const { body } = await validation({ asOf: '2026-01-01', until: '2026-03-15' }).expect(200);
    // 73 days: every day to 30, then every ceil(43 / 30) = 2 days, and day 73.
    expect(body.daily).toMatchObject({ step: 2, everyDayUntil: 30 });
    const points = body.daily.points as {
      day: number;
      fitted: number;
      simple: number;
      actual: number;
    }[];
    expect(points.map((point) => point.day).slice(28, 32)).toEqual([29, 30, 32, 34]);
    expect(points.at(-1)).toEqual({
      day: 73,
      fitted: expect.closeTo(body.fitted.totalExpected, 3),
      simple: expect.closeTo(body.simple.totalExpected, 3),
      actual: body.fitted.totalActual,
    });
    // Repeat days after asOf's day: fay 1, dan 4, ben 9, ann 31, dan 35 and 63.
    const actualOn = (day: number) => points.find((point) => point.day === day)?.actual;
    expect([1, 3, 4, 9, 30, 32, 34, 36, 62, 64, 73].map(actualOn)).toEqual([
      1, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    ]);
    // The simple formula is linear in the days: 5.8667 × d / 73.
    expect(actualOn(1)).toBe(1);
    expect(points[9].simple).toBeCloseTo((5.8667 * 10) / 73, 3);
    for (const [index, point] of points.entries()) {
      if (index === 0) continue;
      for (const key of ['fitted', 'simple', 'actual'] as const)
        expect(point[key]).toBeGreaterThanOrEqual(points[index - 1][key]);
    }
  });

  it('checks the money: expected spend against net spend in the holdout, in euros', async () => {
    const { body } = await validation({ asOf: '2026-01-01', until: '2026-03-15' }).expect(200);
    expect(body.money).toEqual({
      currency: 'EUR',
      // Each customer's average order value × the simple formula's expected days: ann 40 × 0.2,
      // ben 60 × 0.4 (120 over two days), cleo 40 × 0.4, dan and fay 40 × 2.4333.
      totalExpected: '242.67',
      // Orders in (asOf, until], refunds netted: ann 40, ben 80 (the refunded order 0, the one
      // after until out), dan 120, fay 80 (40 later on asOf's day, 40 the next day); eve was
      // not a customer at asOf.
      totalActual: '320.00',
      // (242.6667 − 320) / 320
      totalPercentError: -24.1667,
      calibration: [
        // ann, dan, fay: (8 + 97.33 + 97.33) / 3 against (40 + 120 + 80) / 3
        { pastPurchases: 0, customers: 3, meanExpected: '67.56', meanActual: '80.00' },
        // ben, cleo: (24 + 16) / 2 against (80 + 0) / 2
        { pastPurchases: 1, customers: 2, meanExpected: '20.00', meanActual: '40.00' },
        ...[2, 3, 4, 5, 6, '7+'].map((pastPurchases) => ({
          pastPurchases,
          customers: 0,
          meanExpected: null,
          meanActual: null,
        })),
      ],
      // Who bought again: ann 40 vs 40, ben 60 vs 80, dan 40 vs 40, fay 40 vs 40 (her asOf-day
      // order is part of that purchase day, not a repeat one).
      spendPerPurchase: {
        customers: 4,
        meanAbsoluteError: '5.00',
        meanExpected: '45.00',
        meanActual: '50.00',
      },
      reason: expect.stringContaining('simple formula'),
    });
  });

  it('counts only what happened by until, and fits only on what happened by asOf', async () => {
    const { body } = await validation({ asOf: '2026-01-01', until: '2026-03-21' }).expect(200);
    // ben's order of 2026-03-20 is in this holdout; holdout 79 days.
    expect(body).toMatchObject({ holdoutDays: 79, customers: 5 });
    expect(body.simple.totalActual).toBe(7);
    const later = await validation({ asOf: '2026-01-15', until: '2026-03-15' }).expect(200);
    // eve (2026-01-20) is still not a customer at asOf; dan's 2026-01-05 and fay's 2026-01-02
    // and ben's 2026-01-10 moved into the calibration period.
    expect(later.body).toMatchObject({ holdoutDays: 59, customers: 5 });
    expect(later.body.simple.totalActual).toBe(3);
    expect(later.body.simple.calibration.slice(0, 2)).toEqual([
      expect.objectContaining({ pastPurchases: 0, customers: 1 }),
      expect.objectContaining({ pastPurchases: 1, customers: 3 }),
    ]);
  });

  it('defaults to the last 180 days (value.validationHoldoutDays) up to now', async () => {
    const before = Date.now();
    const { body } = await validation({}).expect(200);
    const until = Date.parse(body.until);
    expect(until).toBeGreaterThanOrEqual(before);
    expect(until).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(body.asOf)).toBe(until - 180 * 86_400_000);
    // Every order here is older than 180 days: all six had bought by asOf, none since.
    expect(body).toMatchObject({ holdoutDays: 180, customers: 6 });
    expect(body.simple.totalActual).toBe(0);
    expect(body.fitted.totalActual).toBe(0);
  });

  it('defaults asOf to 180 days before a given until, and until to now after a given asOf', async () => {
    // 2026-03-15 − 180 days = 2025-09-16: ann, ben and cleo had bought (2025-01-01).
    const untilOnly = await validation({ until: '2026-03-15' }).expect(200);
    expect(untilOnly.body).toMatchObject({
      asOf: '2025-09-16T00:00:00.000Z',
      until: '2026-03-15T00:00:00.000Z',
      holdoutDays: 180,
      customers: 3,
    });
    // From 2026-01-01 to now: the 6 repeat days to 2026-03-15 and ben's of 2026-03-20.
    const asOfOnly = await validation({ asOf: '2026-01-01' }).expect(200);
    expect(asOfOnly.body).toMatchObject({ asOf: '2026-01-01T00:00:00.000Z', customers: 5 });
    expect(Date.parse(asOfOnly.body.until)).toBeLessThanOrEqual(Date.now());
    expect(asOfOnly.body.simple.totalActual).toBe(7);
  });

  it('refuses bad dates, until not after asOf and until in the future with a 400 naming the field', async () => {
    const fieldsOf = (body: { details: { field: string }[] }) => [
      ...new Set(body.details.map((detail) => detail.field)),
    ];
    const badDate = await validation({ asOf: '2026-02-30', until: '2026-03-15' }).expect(400);
    expect(fieldsOf(badDate.body)).toEqual(['asOf']);
    const reversed = await validation({ asOf: '2026-03-15', until: '2026-03-15' }).expect(400);
    expect(reversed.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'until', code: 'untilNotAfterAsOf' }],
    });
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const future = await validation({ asOf: '2026-01-01', until: inTwoDays }).expect(400);
    expect(fieldsOf(future.body)).toEqual(['until']);
    const unknown = await validation({ asOf: '2026-01-01', until: '2026-03-15', x: '1' }).expect(
      400,
    );
    expect(fieldsOf(unknown.body)).toEqual(['x']);
  });

  it('is open to viewers and closed without a key', async () => {
    await validation({ asOf: '2026-01-01', until: '2026-03-15' }, test.keys.viewer).expect(200);
    await test
      .http()
      .get('/api/v1/model/validation')
      .query({ asOf: '2026-01-01', until: '2026-03-15' })
      .expect(401);
  });
});
