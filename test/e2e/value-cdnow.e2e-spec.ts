import { readFileSync } from 'node:fs';
import { conditionalExpectedPurchases } from '../../src/value/math';
import { CDNOW_SAMPLE_FILE } from '../fixtures/cdnow';
import { TestApp, createTestApp } from '../support/test-app';
import { toNdjson } from '../support/import-files';

const SAMPLE_FILE = CDNOW_SAMPLE_FILE;

// Published fits on the 2,357-customer sample, calibration period ending 1997-09-30: BG/NBD in
// weeks (Fader, Hardie & Lee 2005), Gamma-Gamma in dollars (Fader & Hardie, as the lifetimes
// package reproduces it).
const BG_NBD_WEEKS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GAMMA_GAMMA_DOLLARS = { p: 6.25, q: 3.74, gamma: 15.44 };
// The modified BG/NBD on the same sample, from the reference library's tests (weeks).
const MODIFIED_BG_NBD_WEEKS = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const REFERENCE = { bgnbd: BG_NBD_WEEKS, mbgnbd: MODIFIED_BG_NBD_WEEKS } as const;
const TOLERANCE = 0.005;

interface SampleRow {
  sampleId: string;
  date: string;
  dollars: string;
}

/** master id, sample id, YYYYMMDD, CDs, dollars; whitespace-separated, CRLF, no header. */
function readSample(): SampleRow[] {
  return readFileSync(SAMPLE_FILE, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return {
        sampleId: String(Number(sampleId)),
        date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        dollars: Number(dollars).toFixed(2),
      };
    });
}

/**
 * The FHL holdout check worked from the raw rows: per customer who had bought by asOf (the
 * sample has no refunds, so every day with a row is a purchase day, $0.00 ones included),
 * x, t_x, T in weeks, and the purchase days in (asOf, until].
 */
function holdoutFromSample(sample: SampleRow[], asOf: string, until: string) {
  const byCustomer = new Map<string, Map<string, number>>();
  for (const row of sample) {
    const days = byCustomer.get(row.sampleId) ?? new Map<string, number>();
    days.set(row.date, (days.get(row.date) ?? 0) + Number(row.dollars));
    byCustomer.set(row.sampleId, days);
  }
  const weeks = (from: string, to: string) =>
    (Date.parse(to) - Date.parse(from)) / (7 * 86_400_000);
  const customers = [];
  for (const days of byCustomer.values()) {
    const bought = [...days.keys()].sort();
    const before = bought.filter((day) => day <= asOf);
    if (before.length === 0) continue;
    customers.push({
      x: before.length - 1,
      tx: weeks(before[0], before[before.length - 1]),
      T: weeks(before[0], asOf),
      actual: bought.filter((day) => day > asOf && day <= until).length,
    });
  }
  return customers;
}

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected;
}

describe('CDNOW sample through the app (real-data check of the fitted model)', () => {
  jest.setTimeout(600_000);
  let test: TestApp;
  const sample = readSample();

  const upload = async (type: string, rows: unknown[]) => {
    const response = await test
      .http()
      .post(`/api/v1/import/${type}`)
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'application/x-ndjson')
      .send(toNdjson(rows));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: rows.length, created: rows.length, refused: 0 });
  };

  beforeAll(async () => {
    test = await createTestApp({ BASE_CURRENCY: 'USD', VALUE_RECOMPUTE_IN_WORKER: 'false' });
    const customers = [...new Set(sample.map((row) => row.sampleId))];
    await upload(
      'members',
      customers.map((id) => ({ externalId: `cdnow-${id}`, name: `CDNOW customer ${id}` })),
    );
    await upload(
      'purchases',
      sample.map((row, index) => ({
        externalId: `cdnow-${row.sampleId}-${index}`,
        memberExternalId: `cdnow-${row.sampleId}`,
        amount: row.dollars,
        currency: 'USD',
        occurredAt: row.date,
      })),
    );
  });
  afterAll(() => test?.close());

  it('holds the whole sample: 2,357 customers and 6,919 purchases', async () => {
    expect(new Set(sample.map((row) => row.sampleId)).size).toBe(2357);
    expect(sample).toHaveLength(6919);
    const purchases = await test
      .http()
      .get('/api/v1/purchases')
      .query({ limit: 1 })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(purchases.body.total).toBe(6919);
  });

  it('recomputes as of 1997-09-30 and fits the published BG/NBD and Gamma-Gamma within 0.5 %', async () => {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '1997-09-30' })
      .expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', members: 2357 });

    const model = await test
      .http()
      .get('/api/v1/model')
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(model.body).toMatchObject({
      method: run.body.method,
      timeUnit: 'days',
      asOf: '1997-09-30T00:00:00.000Z',
      // As in the published summary: every customer (free first purchases included), and the
      // 946 who bought again by 1997-09-30.
      data: { customers: 2357, repeatBuyers: 946 },
    });
    const { bgnbd, gammaGamma } = model.body;
    expect(bgnbd.converged).toBe(true);
    expect(gammaGamma.converged).toBe(true);
    const fitted = {
      r: bgnbd.r,
      alpha: bgnbd.alpha / 7,
      a: bgnbd.a,
      b: bgnbd.b,
      p: gammaGamma.p,
      q: gammaGamma.q,
      gamma: gammaGamma.gamma,
    };
    // gamma carries the money unit: the app fits on cents and serves it in dollars, as published.
    expect(gammaGamma.gammaUnit).toBe('USD (major units)');
    const published = { ...BG_NBD_WEEKS, ...GAMMA_GAMMA_DOLLARS };
    const offBy = Object.entries(published).map(([name, expected]) => ({
      name,
      error: relativeError(fitted[name as keyof typeof fitted], expected),
    }));
    expect(offBy.filter(({ error }) => !(error <= TOLERANCE))).toEqual([]);

    // Both models are fitted on all the data; the modified one matches its reference too.
    const modified = model.body.modifiedBgnbd;
    expect(modified.converged).toBe(true);
    const modifiedFitted = {
      r: modified.r,
      alpha: modified.alpha / 7,
      a: modified.a,
      b: modified.b,
    };
    expect(
      Object.entries(MODIFIED_BG_NBD_WEEKS).filter(
        ([name, expected]) =>
          !(
            relativeError(modifiedFitted[name as keyof typeof modifiedFitted], expected) <=
            TOLERANCE
          ),
      ),
    ).toEqual([]);

    // The choice: both refitted on the data to 180 days before asOf, the lower mean absolute
    // error on those 180 days wins. On CDNOW the modified model predicts the holdout better.
    const { spendModel } = model.body;
    expect(spendModel).toMatchObject({
      chosen: 'mbgnbd',
      pinned: false,
      decidedAt: '1997-09-30T00:00:00.000Z',
      holdout: {
        days: 180,
        calibrationEnd: '1997-04-03T00:00:00.000Z',
        until: '1997-09-30T00:00:00.000Z',
      },
    });
    const errors = spendModel.meanAbsoluteError;
    expect(errors.mbgnbd).toBeLessThan(errors.bgnbd);
    expect(bgnbd.holdoutError).toBe(errors.bgnbd);
    expect(modified.holdoutError).toBe(errors.mbgnbd);
    expect(spendModel.reason).toBe(
      `lower error on the last 180 days held out: ${errors.mbgnbd.toFixed(3)} against ${errors.bgnbd.toFixed(3)} repeat purchases per customer (BG/NBD)`,
    );
    expect(run.body.method).toBe('mbgnbd');
    process.stdout.write(
      `CDNOW fits (weeks): BG/NBD ${JSON.stringify(fitted)}, modified ${JSON.stringify(modifiedFitted)}; choice ${JSON.stringify(spendModel)}\n`,
    );
  });

  it('backtests the fitted model on the 39 weeks after 1997-09-30, beside the simple formula', async () => {
    const { body } = await test
      .http()
      .get('/api/v1/model/validation')
      .query({ asOf: '1997-09-30', until: '1998-06-30' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    const customers = holdoutFromSample(sample, '1997-09-30', '1998-06-30');
    // Every customer of the sample, the eight whose only purchase was free included.
    expect(customers).toHaveLength(2357);
    expect(body).toMatchObject({ holdoutDays: 273, customers: 2357 });
    const totalActual = customers.reduce((total, customer) => total + customer.actual, 0);
    expect(totalActual).toBe(1882);
    // The fitted column is the model the engine chose as of 1997-09-30 (the modified BG/NBD);
    // its reference expectation: the reference weekly parameters, x, t_x, T in weeks, t = 39.
    const method = body.fitted.method as keyof typeof REFERENCE;
    expect(method).toBe('mbgnbd');
    const publishedExpected = customers.reduce(
      (total, { x, tx, T }) =>
        total + conditionalExpectedPurchases(REFERENCE[method], 39, x, tx, T, method),
      0,
    );
    expect(body.fitted).toMatchObject({ reason: null, totalActual });
    expect(body.simple).toMatchObject({ method: 'simple', totalActual });
    expect(relativeError(body.fitted.totalExpected, publishedExpected)).toBeLessThanOrEqual(
      TOLERANCE,
    );
    expect(
      relativeError(body.fitted.params.alpha / 7, REFERENCE[method].alpha),
    ).toBeLessThanOrEqual(TOLERANCE);
    const customersByRow = body.fitted.calibration.map(
      (row: { customers: number }) => row.customers,
    );
    expect(customersByRow.reduce((total: number, count: number) => total + count, 0)).toBe(2357);
    // Day by day: the last point is the totals; nothing falls on the way.
    const points = body.daily.points as {
      day: number;
      fitted: number;
      simple: number;
      actual: number;
    }[];
    expect(points.length).toBeLessThanOrEqual(61);
    expect(points.at(-1)).toEqual({
      day: 273,
      fitted: expect.closeTo(body.fitted.totalExpected, 3),
      simple: expect.closeTo(body.simple.totalExpected, 3),
      actual: totalActual,
    });
    for (const [index, point] of points.entries()) {
      if (index === 0) continue;
      for (const key of ['fitted', 'simple', 'actual'] as const)
        expect(point[key]).toBeGreaterThanOrEqual(points[index - 1][key]);
    }
    // In money: Gamma-Gamma's spend against every dollar spent in the holdout (no refunds).
    const holdoutCents = sample
      .filter((row) => row.date > '1997-09-30' && row.date <= '1998-06-30')
      .reduce((total, row) => total + Math.round(Number(row.dollars) * 100), 0);
    expect(body.money).toMatchObject({
      currency: 'USD',
      totalActual: (holdoutCents / 100).toFixed(2),
      reason: null,
    });
    expect(Number(body.money.totalExpected)).toBeGreaterThan(0);
    expect(body.money.spendPerPurchase.customers).toBeGreaterThan(0);
    process.stdout.write(
      `CDNOW backtest to 1998-06-30: ${JSON.stringify({
        money: body.money.totalPercentError,
        spendPerPurchase: body.money.spendPerPurchase,
        fitted: body.fitted.meanAbsoluteError,
        simple: body.simple.meanAbsoluteError,
        fittedPct: body.fitted.totalPercentError,
        simplePct: body.simple.totalPercentError,
      })}\n`,
    );
  });
});
