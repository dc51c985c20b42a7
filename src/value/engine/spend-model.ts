import {
  BgNbdFit,
  GammaGammaFit,
  bgNbdDiscountedMargin,
  conditionalExpectedSpend,
  fitBgNbd,
  fitGammaGamma,
  populationMeanSpend,
  probabilityAlive,
  simpleFormulaValue,
} from '../math';
import { BrandFactors, brandFactors, memberSimpleFactors } from './simple-factors';
import { Coefficients, SpendMethod, SpendSummary } from './value-types';

export interface SpendModel {
  method: Exclude<SpendMethod, 'none'>;
  reason: string | null;
  customers: number;
  repeatBuyers: number;
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  /** The simple formula's brand factors, computed whichever method is used. */
  simple: BrandFactors;
}

export interface SpendPrediction {
  predictedMinor: number;
  pAlive: number | null;
  expectedPurchases: number | null;
}

/** Fits BG/NBD and Gamma-Gamma once per run, or says why the simple formula is used. */
export function fitSpendModel(
  summaries: readonly SpendSummary[],
  coefficients: Coefficients,
): SpendModel {
  const repeatBuyers = summaries.filter((summary) => summary.x > 0).length;
  const base = {
    customers: summaries.length,
    repeatBuyers,
    bgnbd: null,
    gammaGamma: null,
    simple: brandFactors(summaries, coefficients),
  };
  if (repeatBuyers < coefficients.minRepeatBuyers) {
    return {
      ...base,
      method: 'simple',
      reason: `${repeatBuyers} repeat buyers, fewer than minRepeatBuyers (${coefficients.minRepeatBuyers})`,
    };
  }
  const bgnbd = fitBgNbd(summaries.map(({ x, tx, T }) => ({ x, tx, T })));
  const gammaGamma = fitGammaGamma(
    summaries
      .filter((summary) => summary.x > 0 && summary.zbar > 0)
      .map(({ x, zbar }) => ({ x, zbar })),
  );
  if (!bgnbd.converged || !gammaGamma.converged) {
    const reason = `the fit did not converge (${bgnbd.reason ?? gammaGamma.reason ?? 'unknown'})`;
    return { ...base, bgnbd, gammaGamma, method: 'simple', reason };
  }
  return { ...base, bgnbd, gammaGamma, method: 'bgnbd', reason: null };
}

/**
 * Predicts one member's discounted future margin. `margin` is the member's own margin rate
 * (per-category margins weighted by what they bought). Identical histories share one result.
 */
export class SpendPredictor {
  private readonly cache = new Map<
    string,
    { expectedPurchases: number; presentValuePerUnit: number }
  >();

  constructor(
    private readonly model: SpendModel,
    private readonly coefficients: Coefficients,
  ) {}

  predict(summary: SpendSummary, margin: number): SpendPrediction {
    if (summary.purchaseDays === 0)
      return { predictedMinor: 0, pAlive: null, expectedPurchases: null };
    if (this.model.method === 'simple') {
      const factors = memberSimpleFactors(summary, this.model.simple, this.coefficients);
      const predictedMinor = Math.max(
        0,
        simpleFormulaValue({
          averageOrderValue: factors.averageOrderValueMinor,
          ordersPerYear: factors.ordersPerYear,
          remainingLifespanYears: factors.remainingLifespanYears,
          margin,
          annualDiscountRate: this.coefficients.annualDiscountRate,
        }),
      );
      return {
        predictedMinor,
        pAlive: null,
        expectedPurchases: factors.ordersPerYear * factors.remainingLifespanYears,
      };
    }
    const { bgnbd, gammaGamma } = this.model as { bgnbd: BgNbdFit; gammaGamma: GammaGammaFit };
    // E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) × E[Y(t) | alive, x, T]: the costly part (36
    // hypergeometric evaluations) depends on (x, T) only, so it is computed once per pair.
    const key = `${summary.x}|${summary.T}`;
    let curve = this.cache.get(key);
    if (!curve) {
      const asIfJustBought = { x: summary.x, tx: summary.x > 0 ? summary.T : 0, T: summary.T };
      const unit = bgNbdDiscountedMargin(bgnbd, asIfJustBought, {
        horizonMonths: this.coefficients.horizonMonths,
        annualDiscountRate: this.coefficients.annualDiscountRate,
        margin: 1,
        spendPerPurchase: 1,
        timeUnitDays: 1,
      });
      const alive = probabilityAlive(bgnbd, asIfJustBought.x, asIfJustBought.tx, summary.T);
      curve = {
        expectedPurchases: unit.expectedPurchases / alive,
        presentValuePerUnit: unit.presentValue / alive,
      };
      this.cache.set(key, curve);
    }
    const pAlive = probabilityAlive(bgnbd, summary.x, summary.tx, summary.T);
    const spendPerPurchase =
      summary.x > 0 && summary.zbar > 0
        ? conditionalExpectedSpend(gammaGamma, summary.x, summary.zbar)
        : populationMeanSpend(gammaGamma);
    return {
      predictedMinor: pAlive * curve.presentValuePerUnit * spendPerPurchase * margin,
      pAlive,
      expectedPurchases: pAlive * curve.expectedPurchases,
    };
  }
}
