import { bgNbdDiscountedMargin, conditionalExpectedSpend, probabilityAlive } from '../math';
import { SpendPredictor, fitSpendModel, unusableFit } from './spend-model';
import { Coefficients, SpendSummary } from './value-types';

describe('SpendPredictor with a fitted model', () => {
  const bgnbd = {
    r: 0.243,
    alpha: 30.9,
    a: 0.793,
    b: 2.426,
    logLikelihood: 0,
    converged: true,
    iterations: 1,
  };
  const gammaGamma = {
    p: 6.25,
    q: 3.74,
    gamma: 1544,
    logLikelihood: 0,
    converged: true,
    iterations: 1,
  };
  const coefficients = { horizonMonths: 36, annualDiscountRate: 0.1 } as Coefficients;
  const predictor = new SpendPredictor(
    {
      method: 'bgnbd',
      reason: null,
      customers: 1,
      repeatBuyers: 1,
      repeatBuying: bgnbd,
      bgnbd,
      modifiedBgnbd: null,
      gammaGamma,
      simple: {
        customers: 1,
        averageOrderValueMinor: 1,
        repeatRatePerDay: 0,
        meanRelationshipDays: null,
        lapsedCustomers: 0,
        lifespanBasis: 'assumed',
      },
    },
    coefficients,
  );

  it('equals the direct discounted margin of E[Y(t) | x, t_x, T] (the (x, T) cache is exact)', () => {
    for (const [x, tx, T] of [
      [0, 0, 200],
      [3, 120, 200],
      [3, 30, 200],
      [12, 300, 310],
    ]) {
      const spend = x > 0 ? conditionalExpectedSpend(gammaGamma, x, 4000) : 0;
      const direct = bgNbdDiscountedMargin(
        bgnbd,
        { x, tx, T },
        {
          horizonMonths: 36,
          annualDiscountRate: 0.1,
          margin: 0.3,
          spendPerPurchase: x > 0 ? spend : 1,
        },
      );
      const prediction = predictor.predict(
        {
          memberId: 'm',
          x,
          tx,
          T,
          zbar: 4000,
          purchaseDays: x + 1,
          totalNetMinor: 1,
          realizedMarginMinor: 0,
        },
        0.3,
      );
      const perPurchase = x > 0 ? 1 : conditionalExpectedSpend(gammaGamma, 0, 0);
      expect(prediction.predictedMinor).toBeCloseTo(direct.presentValue * perPurchase, 6);
      expect(prediction.pAlive).toBeCloseTo(probabilityAlive(bgnbd, x, tx, T), 12);
      expect(prediction.expectedPurchases).toBeCloseTo(direct.expectedPurchases, 9);
    }
  });
});

describe('SpendPredictor with the simple formula (fewer than 50 repeat buyers)', () => {
  const coefficients = {
    margin: 0.3,
    horizonMonths: 36,
    annualDiscountRate: 0.1,
    minRepeatBuyers: 50,
    remainingLifespanYears: 3,
    credibilityDays: 365,
    lapseDays: 365,
  } as Coefficients;
  const buyer = (memberId: string, x: number, tx: number, T: number, totalNetMinor: number) => ({
    memberId,
    x,
    tx,
    T,
    zbar: x > 0 ? totalNetMinor / (x + 1) : 0,
    purchaseDays: x + 1,
    totalNetMinor,
    realizedMarginMinor: totalNetMinor * 0.3,
  });
  // A brand whose customers buy 2 repeat orders a year: 20 customers with 8 repeat purchase
  // days each (19 first bought 1461 days ago, one 1451), and the newcomer, whose only order
  // (80.00) was 10 days ago. Σ x = 160, Σ T = 19 × 1461 + 1451 + 10 = 29220 = 20 × 1461, so
  // f̄ = 8/1461 a day = 2 a year. Nobody has lapsed (last orders 61 days ago or less): the
  // remaining lifespan is the assumed 3 years.
  const regulars: SpendSummary[] = Array.from({ length: 20 }, (_, index) =>
    buyer(`regular${index}`, 8, 1400, index === 0 ? 1451 : 1461, 90000),
  );
  const newcomer = buyer('newcomer', 0, 0, 10, 8000);
  const model = fitSpendModel([...regulars, newcomer], coefficients);
  const predictor = new SpendPredictor(model, coefficients);
  // 36 months discounted at 10 % a year: sum_{k=1..36} 1.1^(-k/12) = v (1 - v^36) / (1 - v)
  // with v = 1.1^(-1/12) = 0.99208894 and v^36 = 1/1.331: 0.99208894 × 0.24868520 / 0.00791106
  // = 31.186458 months' worth.
  const annuity36 = 31.186458;

  it('values a newcomer with one 80.00 order 10 days ago below the average customer', () => {
    expect(model).toMatchObject({ method: 'simple', repeatBuyers: 20 });
    expect(model.simple.repeatRatePerDay * 365.25).toBeCloseTo(2, 12);
    expect(model.simple.lifespanBasis).toBe('assumed');
    const prediction = predictor.predict(newcomer, 0.3);
    // Rate: 365.25 × (0 + 365 × 8/1461) / (10 + 365) = 730 / 375 = 1.946667 orders a year.
    // 1.946667 / 12 a month × 80.00 × 30 % = 3.893333 a month × 31.186458 = 121.42 (12141.93
    // minor units); 140.16 undiscounted (80 × 1.946667 × 3 × 0.3).
    expect(prediction.expectedPurchases).toBeCloseTo((730 / 375) * 3, 12);
    expect(prediction.pAlive).toBeNull();
    expect(prediction.predictedMinor).toBeCloseTo((730 / 375 / 12) * 2400 * annuity36, 2);
    expect(Math.round(prediction.predictedMinor)).toBe(12142);
    // The brand's average customer with an 80.00 order: 2 a year, 3 years, the same margin:
    // 2 / 12 × 80.00 × 30 % = 4.00 a month × 31.186458 = 124.75 (12474.58 minor units).
    const averageCustomer = (2 / 12) * 8000 * 0.3 * annuity36;
    expect(averageCustomer).toBeCloseTo(12474.58, 2);
    expect(prediction.predictedMinor).toBeLessThanOrEqual(averageCustomer);
    // Before, the same order read as 365.25 / 30 = 12.175 orders a year (the 30-day floor):
    // 80 × 12.175 × 3 × 0.3 = 876.60 of predicted margin. Now less than a seventh of that.
    expect(prediction.predictedMinor).toBeLessThan(87660 / 7);
  });

  it('values a long-standing customer mostly on their own rate and their own order value', () => {
    // regular1: 8 repeat days in 1461 days, 900.00 over 9 days (AOV 100.00):
    // 365.25 × (8 + 365 × 8/1461) / (1461 + 365) = 365.25 × 9.998631 / 1826 = 2 a year
    // (own and brand's rate are both 2), × 3 = 6 purchases; 2/12 × 100.00 × 30 % × 31.186458
    // = 155.93.
    const prediction = predictor.predict(regulars[1], 0.3);
    expect(prediction.expectedPurchases).toBeCloseTo(6, 12);
    expect(prediction.predictedMinor).toBeCloseTo((2 / 12) * 10000 * 0.3 * annuity36, 2);
  });

  it('uses the measured lifespan once 50 customers have lapsed', () => {
    // 25 one-time buyers 400 days ago (t_x 0) and 25 who bought over 730 days, last 470 days
    // ago: 50 lapsed, mean t_x = (25 × 0 + 25 × 730) / 50 = 365 days.
    const lapsed = Array.from({ length: 50 }, (_, index) =>
      index < 25
        ? buyer(`once${index}`, 0, 0, 400, 5000)
        : buyer(`gone${index}`, 4, 730, 1200, 25000),
    );
    const newcomerToday = buyer('today', 0, 0, 0, 8000);
    const measuredModel = fitSpendModel([...lapsed, newcomerToday], coefficients);
    expect(measuredModel.simple).toMatchObject({
      meanRelationshipDays: 365,
      lifespanBasis: 'measured',
    });
    // f̄ = 25 × 4 / (25 × 400 + 25 × 1200 + 0) = 100 / 40000 = 0.0025 a day; the newcomer (T = 0)
    // takes it whole: 0.913125 a year, for (365 − 0) / 365.25 = 0.999316 years: 0.9125 purchases.
    const prediction = new SpendPredictor(measuredModel, coefficients).predict(newcomerToday, 0.3);
    expect(prediction.expectedPurchases).toBeCloseTo(0.0025 * 365, 12);
    // A lapsed customer is older than the mean relationship: nothing left to predict.
    expect(new SpendPredictor(measuredModel, coefficients).predict(lapsed[30], 0.3)).toMatchObject({
      predictedMinor: 0,
      expectedPurchases: 0,
    });
  });
});

describe('unusableFit', () => {
  const summary = (x: number, tx: number, T: number) =>
    ({ memberId: `m${x}`, x, tx, T, zbar: 1000, purchaseDays: x + 1 }) as SpendSummary;
  const summaries = [summary(0, 0, 400), summary(30, 700, 720)];
  const coefficients = { horizonMonths: 36 } as Coefficients;
  const fit = (r: number, alpha: number) => ({
    r,
    alpha,
    a: 0.8,
    b: 2.4,
    logLikelihood: -1,
    converged: true,
    iterations: 9,
  });

  it('passes parameters whose expectations can be evaluated', () => {
    expect(unusableFit(fit(0.243, 30.9), 'bgnbd', summaries, coefficients)).toBeNull();
    expect(unusableFit(fit(0.525, 43.3), 'mbgnbd', summaries, coefficients)).toBeNull();
  });

  it('says why a converged fit at degenerate parameters cannot value members', () => {
    // r in the millions: the hypergeometric series does not converge, or the value overflows.
    expect(unusableFit(fit(1.8e7, 1e4), 'bgnbd', summaries, coefficients)).toMatch(
      /^the fitted parameters cannot be evaluated \(r 1\.80e\+7, alpha 1\.00e\+4: .*series did not converge/,
    );
    expect(unusableFit(fit(1.8e7, 1e6), 'bgnbd', summaries, coefficients)).toMatch(
      /a non-finite expectation\)$/,
    );
  });
});
