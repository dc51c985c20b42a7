import { CommunityCounts } from './community-counts';
import { ratio } from './community-measures';
import { intervalStart, monthLabel, nextIntervalStart } from './intervals';
import { segmentOf } from './window-segments';

export interface CohortRetention {
  /** The month of the cohort's first orders, "2026-01". */
  cohort: string;
  newCustomers: number;
  /** Each later month of the period: the share of the cohort who ordered in it. */
  months: { month: string; offset: number; retained: number; share: number | null }[];
}

/**
 * Monthly cohorts of new customers (first order in the month) for every month of [from, to),
 * and for each later month up to `to` the share of the cohort who ordered again in it. The
 * reference definition over raw rows; the service uses cohortRetentionOfBuyers.
 */
export function cohortRetention(
  firstOrders: readonly { at: number; memberId: string }[],
  orders: readonly { at: number; memberId: string }[],
  from: number,
  to: number,
  timeZone = 'UTC',
): CohortRetention[] {
  const starts = monthStarts(from, to, timeZone);
  const label = (instant: number) => monthLabel(instant, timeZone);
  const orderMonths = new Map<string, Set<string>>();
  for (const order of orders) {
    if (order.at < starts[0] || order.at >= to) continue;
    const set = orderMonths.get(order.memberId) ?? new Set<string>();
    set.add(label(order.at));
    orderMonths.set(order.memberId, set);
  }
  return starts.map((start, index) => {
    const cohort = firstOrders.filter(
      (order) => order.at >= start && order.at < Math.min(starts[index + 1] ?? to, to),
    );
    return {
      cohort: label(start),
      newCustomers: cohort.length,
      months: starts.slice(index + 1).map((later, offset) => {
        const month = label(later);
        const retained = cohort.filter((order) =>
          orderMonths.get(order.memberId)?.has(month),
        ).length;
        return {
          month,
          offset: offset + 1,
          retained,
          share: cohort.length ? Number((retained / cohort.length).toFixed(4)) : null,
        };
      }),
    };
  });
}

/**
 * The same from the buyer groups of a segmentation whose boundaries include every month start
 * of the period, so that no segment straddles two months.
 */
export function cohortRetentionOfBuyers(
  buyers: CommunityCounts['buyers'],
  boundaries: readonly number[],
  from: number,
  to: number,
  timeZone = 'UTC',
): CohortRetention[] {
  const starts = monthStarts(from, to, timeZone);
  // -1 for a segment before the first month.
  const monthOfSegment = (segment: number) => segmentOf(starts, boundaries[segment]);
  const newCustomers = new Array<number>(starts.length).fill(0);
  const retained = starts.map(() => new Array<number>(starts.length).fill(0));
  for (const group of buyers) {
    if (!group.firstOrder) continue;
    const cohort = monthOfSegment(Math.min(...group.orders));
    if (cohort < 0) continue;
    newCustomers[cohort] += group.members;
    for (const month of new Set(group.orders.map(monthOfSegment)))
      if (month > cohort) retained[cohort][month] += group.members;
  }
  return starts.map((start, index) => ({
    cohort: monthLabel(start, timeZone),
    newCustomers: newCustomers[index],
    months: starts.slice(index + 1).map((later, offset) => ({
      month: monthLabel(later, timeZone),
      offset: offset + 1,
      retained: retained[index][index + offset + 1],
      share: ratio(retained[index][index + offset + 1], newCustomers[index]),
    })),
  }));
}

/** The first instant of every calendar month (of the zone) that overlaps [from, to). */
export function monthStarts(from: number, to: number, timeZone = 'UTC'): number[] {
  const starts: number[] = [];
  for (
    let month = intervalStart(from, 'month', timeZone);
    month < to;
    month = nextIntervalStart(month, 'month', timeZone)
  )
    starts.push(month);
  return starts;
}
