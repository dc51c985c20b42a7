import { DateTime } from 'luxon';
import { DAY_MS } from '../../common/dates/iso-date';
import { Period } from './campaign-days';

/** The window when none is asked for: the last 12 months, today included. */
export const DEFAULT_WINDOW_MONTHS = 12;

/**
 * The metrics window from optional bounds: `to` defaults to the start of the next UTC day (so
 * that today counts), `from` to 12 calendar months before `to`.
 */
export function acquisitionWindow(bounds: { from?: number; to?: number }, now: number): Period {
  const to = bounds.to ?? (Math.floor(now / DAY_MS) + 1) * DAY_MS;
  const from =
    bounds.from ??
    DateTime.fromMillis(to, { zone: 'utc' }).minus({ months: DEFAULT_WINDOW_MONTHS }).toMillis();
  return { from, to };
}
