import { DAY_MS } from '../../common/dates/iso-date';

export interface HoldoutWindow {
  /** End of the calibration period: the model is fitted on data with occurredAt <= asOf. */
  asOf: number;
  /** End of the holdout (asOf, until]. */
  until: number;
}

/**
 * The backtest's dates as asked, with defaults that answer: `until` now, `asOf` the holdout's
 * length in days before `until` (value.validationHoldoutDays, 180: the last 180 days).
 */
export function holdoutWindow(
  given: { asOf?: number; until?: number },
  holdoutDays: number,
  now: number,
): HoldoutWindow {
  const until = given.until ?? now;
  return { asOf: given.asOf ?? until - holdoutDays * DAY_MS, until };
}
