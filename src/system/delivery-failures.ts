import { FindOptionsOrder, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { SystemReason } from './system-check';
import { SystemReasonCode } from './system-reason-code';

const DAY_MS = 86_400_000;
/** /health reports the failures of the last day. */
export const FAILURE_HOURS = 24;
const LISTED_FAILURES = 20;

export interface DeliveryFailures<T> {
  /** Deliveries that gave up in the last 24 hours. */
  failedLast24h: number;
  /** The same over the recent window. */
  failedInWindow: number;
  /** Deliveries waiting for another attempt after a temporary failure. */
  retrying: number;
  /** The window's failures, newest first (at most 20). */
  recent: T[];
  windowDays: number;
}

/**
 * What a delivery check (digest mails, outbound webhooks) counts, in four indexed queries run
 * together: the failures of the last day and of the window, the retries waiting, the latest.
 */
export async function deliveryFailures<T extends ObjectLiteral>(
  deliveries: Repository<T>,
  query: {
    failedSince: (since: number) => FindOptionsWhere<T>;
    retrying: FindOptionsWhere<T>;
    newestFirst: FindOptionsOrder<T>;
  },
  now: number,
  windowDays: number,
): Promise<DeliveryFailures<T>> {
  const [failedLast24h, failedInWindow, retrying, recent] = await Promise.all([
    deliveries.countBy(query.failedSince(now - FAILURE_HOURS * 3_600_000)),
    deliveries.countBy(query.failedSince(now - windowDays * DAY_MS)),
    deliveries.countBy(query.retrying),
    deliveries.find({
      where: query.failedSince(now - windowDays * DAY_MS),
      order: query.newestFirst,
      take: LISTED_FAILURES,
    }),
  ]);
  return { failedLast24h, failedInWindow, retrying, recent, windowDays };
}

/** A failure in the last day degrades health with the check's code. */
export function failureReasons(code: SystemReasonCode, failedLast24h: number): SystemReason[] {
  return failedLast24h > 0
    ? [{ code, params: { count: failedLast24h, hours: FAILURE_HOURS } }]
    : [];
}
