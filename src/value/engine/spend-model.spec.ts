import { bgNbdDiscountedMargin, conditionalExpectedSpend, probabilityAlive } from '../math';
import { SpendPredictor } from './spend-model';
import { Coefficients } from './value-types';

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
    { method: 'bgnbd', reason: null, customers: 1, repeatBuyers: 1, bgnbd, gammaGamma },
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
