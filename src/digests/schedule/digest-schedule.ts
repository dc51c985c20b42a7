export const CADENCES = ['daily', 'weekly', 'monthly', 'cron'] as const;
export type Cadence = (typeof CADENCES)[number];

/** ISO order: monday is day 1. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When a subscription sends, in its own time zone. */
export interface DigestSchedule {
  cadence: Cadence;
  weekday?: Weekday | null;
  dayOfMonth?: number | null;
  /** Five fields, read in `timezone`; used when cadence is `cron`. */
  cron?: string | null;
  /** IANA name, e.g. Europe/Rome. */
  timezone: string;
  /** Local HH:mm; ignored for `cron`. */
  sendAt: string;
}

/** From the previous scheduled send (inclusive) to this one (exclusive), epoch ms. */
export interface DigestPeriod {
  start: number;
  end: number;
}
