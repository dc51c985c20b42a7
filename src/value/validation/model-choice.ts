import { DAY_MS } from '../../common/dates/iso-date';
import { type BgNbdFit, type RepeatBuyingVariant, fitBgNbd } from '../math';
import {
  type HoldoutCustomer,
  compareExpectations,
  repeatBuyingHoldoutExpectation,
  simpleHoldoutExpectation,
} from './holdout-comparison';
import type { Coefficients } from '../engine/value-types';
import type { ChosenSpendModel } from '../engine/spend-model';

export type SpendModelSetting = 'auto' | RepeatBuyingVariant | 'simple';

/** A choice is reused for this long (DESIGN.md: chosen weekly, only the chosen model refitted daily). */
export const CHOICE_VALID_DAYS = 7;

/** Mean absolute error per customer of repeat purchases in the holdout; null where not computed. */
export interface HoldoutErrors {
  bgnbd: number | null;
  mbgnbd: number | null;
  simple: number | null;
}

export interface ModelChoice {
  chosen: ChosenSpendModel;
  reason: string;
  /** True when value.spendModel pins the model instead of `auto`. */
  pinned: boolean;
  /** The setting the choice was made under: a changed setting makes a new choice. */
  setting: SpendModelSetting;
  /** The asOf (ms) the choice was made at; reused for CHOICE_VALID_DAYS around it. */
  decidedAsOf: number;
  /** The held-out window: fitted on data to calibrationEnd, checked on (calibrationEnd, until]. */
  holdout: {
    days: number;
    calibrationEnd: number;
    until: number;
    customers: number;
    repeatBuyers: number;
  };
  errors: HoldoutErrors;
  /** The calibration fits whose errors are compared (time in days). */
  calibrationFits: { bgnbd: BgNbdFit | null; mbgnbd: BgNbdFit | null };
}

const NAMES: Record<ChosenSpendModel, string> = {
  bgnbd: 'BG/NBD',
  mbgnbd: 'the modified BG/NBD',
  simple: 'the simple formula',
};

/**
 * Chooses the repeat-buying model from a holdout: both models are fitted on the customers'
 * histories to calibrationEnd and predict their repeat purchase days in the holdout; the one
 * with the lower mean absolute error per customer values members (ties go to BG/NBD, the
 * published default). Too little history before the holdout, or fits that fail, choose BG/NBD
 * with the reason; a pinned setting is followed, the errors still reported where computable.
 */
export function chooseSpendModel(
  customers: readonly HoldoutCustomer[],
  window: { days: number; calibrationEnd: number; until: number },
  coefficients: Pick<Coefficients, 'minRepeatBuyers'>,
  setting: SpendModelSetting,
): ModelChoice {
  const repeatBuyers = customers.filter((customer) => customer.summary.x > 0).length;
  const base = {
    pinned: setting !== 'auto',
    setting,
    decidedAsOf: window.until,
    holdout: { ...window, customers: customers.length, repeatBuyers },
  };
  const pinnedReason = `pinned by value.spendModel (${setting})`;
  if (repeatBuyers < coefficients.minRepeatBuyers) {
    const from = new Date(window.calibrationEnd).toISOString().slice(0, 10);
    return {
      ...base,
      chosen: setting === 'auto' ? 'bgnbd' : setting,
      reason:
        setting === 'auto'
          ? `too little history to compare the models: ${repeatBuyers} repeat buyers before the holdout (to ${from}), fewer than minRepeatBuyers (${coefficients.minRepeatBuyers}); BG/NBD is the default`
          : pinnedReason,
      errors: { bgnbd: null, mbgnbd: null, simple: null },
      calibrationFits: { bgnbd: null, mbgnbd: null },
    };
  }
  const histories = customers.map(({ summary: { x, tx, T } }) => ({ x, tx, T }));
  const fit = (variant: RepeatBuyingVariant) => fitBgNbd(histories, {}, variant);
  const calibrationFits = { bgnbd: fit('bgnbd'), mbgnbd: fit('mbgnbd') };
  const errorOf = (variant: RepeatBuyingVariant) => {
    const fitted = calibrationFits[variant];
    if (!fitted.converged) return null;
    try {
      return compareExpectations(
        customers,
        repeatBuyingHoldoutExpectation(fitted, window.days, variant),
      ).meanAbsoluteError;
    } catch {
      // Degenerate parameters (e.g. r in the millions) whose expectation cannot be evaluated:
      // that model is out of the comparison, as if it had not converged.
      return null;
    }
  };
  const errors: HoldoutErrors = {
    bgnbd: errorOf('bgnbd'),
    mbgnbd: errorOf('mbgnbd'),
    simple: compareExpectations(customers, simpleHoldoutExpectation(window.days)).meanAbsoluteError,
  };
  if (setting !== 'auto')
    return { ...base, chosen: setting, reason: pinnedReason, errors, calibrationFits };
  return { ...base, ...compare(errors, window.days), errors, calibrationFits };
}

function compare(errors: HoldoutErrors, days: number): Pick<ModelChoice, 'chosen' | 'reason'> {
  const { bgnbd, mbgnbd } = errors;
  if (bgnbd === null && mbgnbd === null)
    return {
      chosen: 'bgnbd',
      reason: 'neither model could be fitted before the holdout; BG/NBD is the default',
    };
  if (bgnbd === null)
    return { chosen: 'mbgnbd', reason: 'BG/NBD could not be fitted before the holdout' };
  if (mbgnbd === null)
    return {
      chosen: 'bgnbd',
      reason: 'the modified BG/NBD could not be fitted before the holdout',
    };
  const chosen: RepeatBuyingVariant = mbgnbd < bgnbd ? 'mbgnbd' : 'bgnbd';
  const other: RepeatBuyingVariant = chosen === 'bgnbd' ? 'mbgnbd' : 'bgnbd';
  return {
    chosen,
    reason: `lower error on the last ${days} days held out: ${errors[chosen]!.toFixed(3)} against ${errors[other]!.toFixed(3)} repeat purchases per customer (${NAMES[other]})`,
  };
}

/** Whether a stored choice still holds for a recompute at asOf under the current settings. */
export function choiceStillHolds(
  choice: ModelChoice | undefined,
  asOf: number,
  setting: SpendModelSetting,
  holdoutDays: number,
): choice is ModelChoice {
  return (
    choice !== undefined &&
    // A choice made without comparing both models (too little history, a fit that failed) is
    // made again at the next recompute: new data may well allow the comparison.
    (choice.pinned || (choice.errors.bgnbd !== null && choice.errors.mbgnbd !== null)) &&
    choice.setting === setting &&
    choice.holdout.days === holdoutDays &&
    Math.abs(asOf - choice.decidedAsOf) < CHOICE_VALID_DAYS * DAY_MS
  );
}

export function spendModelName(model: ChosenSpendModel): string {
  return NAMES[model];
}
