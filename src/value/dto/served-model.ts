import { currencyDecimals } from '../../common/money/currency';
import { formatAmount } from '../../common/money/money';
import { Calibration } from '../engine/influence-value';
import type { ModelChoice } from '../validation/model-choice';

/** What a run stored of its model (recompute-job.ts), as far as the API reads it. */
export interface StoredModel {
  gammaGamma?: Record<string, unknown> | null;
  calibration?: Calibration[];
  coefficients?: Record<string, unknown>;
}

/**
 * Gamma-Gamma's scale γ is fitted on spend in minor units; the API states every amount in major
 * units of the base currency (DESIGN.md, Units), so γ is divided once here. p and q have no unit.
 */
export function gammaGammaInMajorUnits(
  fit: Record<string, unknown> | null | undefined,
  currency: string,
): Record<string, unknown> | null {
  if (!fit) return null;
  const gamma = typeof fit.gamma === 'number' ? fit.gamma / 10 ** currencyDecimals(currency) : null;
  return { ...fit, gamma, gammaUnit: `${currency} (major units)` };
}

/**
 * The coefficients a run used, as the API serves them with every value: amounts (stored as
 * `…Minor`) in major units under their configured names, and the conversion per reach the run
 * actually used per platform (calibrated where enough attributed orders allowed), with its basis
 * in words.
 */
export function servedCoefficients(model: StoredModel, currency: string): Record<string, unknown> {
  const served: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model.coefficients ?? {})) {
    if (key.endsWith('Minor') && typeof value === 'number')
      served[key.slice(0, -'Minor'.length)] = formatAmount(Math.round(value), currency);
    else served[key] = value;
  }
  const calibration = model.calibration ?? [];
  if (calibration.length) {
    const minimum = Number(
      (model.coefficients as { minCalibrationOrders?: number } | undefined)?.minCalibrationOrders ??
        0,
    );
    served.conversionPerReach = Object.fromEntries(
      calibration.map((entry) => [entry.platform, entry.conversionPerReach]),
    );
    served.conversionPerReachBasis = Object.fromEntries(
      calibration.map((entry) => [
        entry.platform,
        entry.source === 'calibrated'
          ? `calibrated on ${entry.attributedOrders} attributed ${entry.platform} orders`
          : `assumed: too few attributed orders (${entry.attributedOrders} of ${minimum})`,
      ]),
    );
  }
  return served;
}

/** A run's model as stored (recompute-job.ts), as far as the spend model's choice reads it. */
interface StoredSpendChoice {
  method?: string;
  reason?: string | null;
  choice?: Pick<ModelChoice, 'chosen' | 'reason' | 'pinned' | 'decidedAsOf' | 'holdout' | 'errors'>;
}

/**
 * `spendModel` of GET /model: the model in use and why. When the chosen model could not be
 * fitted on all the data, the simple formula is what values members and `reason` says why. Runs
 * stored before the choice existed read as BG/NBD (or the simple formula) without a holdout.
 */
export function servedSpendModel(model: StoredSpendChoice) {
  const choice = model.choice;
  const fellBack = model.method === 'simple' && choice?.chosen !== 'simple';
  return {
    chosen: model.method ?? choice?.chosen ?? 'bgnbd',
    reason: fellBack
      ? (model.reason ?? null)
      : (choice?.reason ?? 'chosen before Halo compared models on a holdout'),
    pinned: choice?.pinned ?? false,
    decidedAt: choice ? new Date(choice.decidedAsOf).toISOString() : null,
    holdout: choice
      ? {
          days: choice.holdout.days,
          calibrationEnd: new Date(choice.holdout.calibrationEnd).toISOString(),
          until: new Date(choice.holdout.until).toISOString(),
          customers: choice.holdout.customers,
          repeatBuyers: choice.holdout.repeatBuyers,
        }
      : null,
    meanAbsoluteError: choice?.errors ?? { bgnbd: null, mbgnbd: null, simple: null },
  };
}
