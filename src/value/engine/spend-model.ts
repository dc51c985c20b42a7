import {
  BgNbdFit,
  DAYS_PER_YEAR,
  GammaGammaFit,
  conditionalExpectedPurchases,
  bgNbdDiscountedMargin,
  conditionalExpectedSpend,
  fitBgNbd,
  fitGammaGamma,
  populationMeanSpend,
  probabilityAlive,
  simpleFormulaValue,
  type RepeatBuyingVariant,
} from '../math';
import { BrandFactors, brandFactors, memberSimpleFactors } from './simple-factors';
import { Coefficients, SpendMethod, SpendSummary } from './value-types';

export type ChosenSpendModel = RepeatBuyingVariant | 'simple';

/** Which model values members this run, and why (validation/model-choice.ts decides it). */
export interface SpendChoice {
  chosen: ChosenSpendModel;
  reason: string | null;
}

/** Fits made earlier for the same week's choice, reused instead of refitting the unchosen model. */
export type ReusedFits = Partial<Record<RepeatBuyingVariant, BgNbdFit | null>>;

export interface SpendModel {
  method: Exclude<SpendMethod, 'none'>;
  /** Why the simple formula values members; null when a fitted model does. */
  reason: string | null;
  customers: number;
  repeatBuyers: number;
  /** The repeat-buying fit that values members (the method's); null for the simple formula. */
  repeatBuying: BgNbdFit | null;
  /** Both fits on all data to asOf, the unchosen one possibly from earlier in the week. */
  bgnbd: BgNbdFit | null;
  modifiedBgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  /** The simple formula's brand factors, computed whichever method is used. */
  simple: BrandFactors;
}

export interface SpendPrediction {
  predictedMinor: number;
  pAlive: number | null;
  expectedPurchases: number | null;
}

const BG_NBD_DEFAULT: SpendChoice = { chosen: 'bgnbd', reason: null };

/**
 * Fits the chosen repeat-buying model and Gamma-Gamma once per run, or says why the simple
 * formula is used. The unchosen model is fitted too unless `reuse` holds its fit from earlier in
 * the week, so that both can be shown.
 */
export function fitSpendModel(
  summaries: readonly SpendSummary[],
  coefficients: Coefficients,
  choice: SpendChoice = BG_NBD_DEFAULT,
  reuse: ReusedFits = {},
): SpendModel {
  const repeatBuyers = summaries.filter((summary) => summary.x > 0).length;
  const base = {
    customers: summaries.length,
    repeatBuyers,
    repeatBuying: null,
    bgnbd: null,
    modifiedBgnbd: null,
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
  const histories = summaries.map(({ x, tx, T }) => ({ x, tx, T }));
  const fitOf = (variant: RepeatBuyingVariant) =>
    variant !== choice.chosen && reuse[variant] ? reuse[variant] : fitBgNbd(histories, {}, variant);
  const fits = { bgnbd: fitOf('bgnbd'), modifiedBgnbd: fitOf('mbgnbd') };
  const gammaGamma = fitGammaGamma(
    summaries
      .filter((summary) => summary.x > 0 && summary.zbar > 0)
      .map(({ x, zbar }) => ({ x, zbar })),
  );
  const fitted = { ...base, ...fits, gammaGamma };
  if (choice.chosen === 'simple')
    return { ...fitted, method: 'simple', reason: choice.reason ?? 'pinned by value.spendModel' };
  const repeatBuying = choice.chosen === 'bgnbd' ? fits.bgnbd : fits.modifiedBgnbd;
  if (!repeatBuying.converged || !gammaGamma.converged) {
    const reason = `the fit did not converge (${repeatBuying.reason ?? gammaGamma.reason ?? 'unknown'})`;
    return { ...fitted, method: 'simple', reason };
  }
  const degenerate = unusableFit(repeatBuying, choice.chosen, summaries, coefficients);
  if (degenerate) return { ...fitted, method: 'simple', reason: degenerate };
  return { ...fitted, repeatBuying, method: choice.chosen, reason: null };
}

/**
 * A converged fit can still sit at parameters whose expectations cannot be evaluated (r or
 * alpha in the millions when the data barely constrain them): probed on the longest and the
 * busiest history over the horizon, such a fit falls back to the simple formula with the reason
 * instead of failing the run.
 */
export function unusableFit(
  fit: BgNbdFit,
  variant: RepeatBuyingVariant,
  summaries: readonly SpendSummary[],
  coefficients: Coefficients,
): string | null {
  const horizonDays = (coefficients.horizonMonths * DAYS_PER_YEAR) / 12;
  const longest = summaries.reduce((a, b) => (b.T > a.T ? b : a), summaries[0]);
  const busiest = summaries.reduce((a, b) => (b.x > a.x ? b : a), summaries[0]);
  try {
    for (const { x, tx, T } of [longest, busiest]) {
      const expected = conditionalExpectedPurchases(fit, horizonDays, x, tx, T, variant);
      if (!Number.isFinite(expected)) throw new RangeError('a non-finite expectation');
    }
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `the fitted parameters cannot be evaluated (r ${fit.r.toPrecision(3)}, alpha ${fit.alpha.toPrecision(3)}: ${why.slice(0, 120)})`;
  }
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
    const { repeatBuying: fit, gammaGamma } = this.model as {
      repeatBuying: BgNbdFit;
      gammaGamma: GammaGammaFit;
    };
    const variant = this.model.method as RepeatBuyingVariant;
    // E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) × E[Y(t) | alive, x, T]: the costly part (36
    // hypergeometric evaluations) depends on (x, T) only, so it is computed once per pair (in
    // both models: the modified one changes P(alive), not the form of the product).
    const key = `${summary.x}|${summary.T}`;
    let curve = this.cache.get(key);
    if (!curve) {
      const asIfJustBought = { x: summary.x, tx: summary.x > 0 ? summary.T : 0, T: summary.T };
      const unit = bgNbdDiscountedMargin(
        fit,
        asIfJustBought,
        {
          horizonMonths: this.coefficients.horizonMonths,
          annualDiscountRate: this.coefficients.annualDiscountRate,
          margin: 1,
          spendPerPurchase: 1,
          timeUnitDays: 1,
        },
        variant,
      );
      const alive = probabilityAlive(fit, asIfJustBought.x, asIfJustBought.tx, summary.T, variant);
      curve = {
        expectedPurchases: unit.expectedPurchases / alive,
        presentValuePerUnit: unit.presentValue / alive,
      };
      this.cache.set(key, curve);
    }
    const pAlive = probabilityAlive(fit, summary.x, summary.tx, summary.T, variant);
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
