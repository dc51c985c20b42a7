import { ACTIVITY_TYPES, ActivityType } from '../../config/activity-types';
import { Window } from './intervals';

export type AcquisitionSource = 'referral' | 'event_guest' | 'content';

/** What the measures read, each list sorted by `at`. */
export interface CommunityData {
  mentions: { at: number; reach: number; handle: string; sentiment: number | null }[];
  /** Members' activities, orders included (type `purchase`). */
  activities: { at: number; memberId: string; type: ActivityType }[];
  /** Customers' first orders, with what brought them (null: not the community). */
  firstOrders: { at: number; memberId: string; source: AcquisitionSource | null }[];
}

export interface Measures {
  reach: {
    mentions: number;
    totalReach: number;
    /** Distinct (platform, handle). */
    uniquePeople: number;
    /** Share of mentions with a sentiment whose sentiment is above 0.25. */
    positiveShare: number | null;
  };
  acquisition: {
    /** First orders in the window, whatever brought them. */
    newCustomers: number;
    /** Of those, through the community: referral, else event guest, else content. */
    community: number;
    viaReferral: number;
    viaEventGuest: number;
    viaContent: number;
  };
  activity: { activeMembers: number; interactions: Record<ActivityType, number> };
  purchases: {
    customers: number;
    orders: number;
    repeatCustomers: number;
    repeatPurchaseRate: number | null;
    ordersPerCustomer: number | null;
  };
}

/** Same shape; each number is the window's minus the previous window's (null if either is). */
export type MeasureChange = Measures;

export const POSITIVE_SENTIMENT = 0.25;

export const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? Number((numerator / denominator).toFixed(4)) : null;

/** The rows of a list sorted by `at` that fall in [start, end), by binary search. */
export function within<T extends { at: number }>(rows: readonly T[], window: Window): T[] {
  const firstAtOrAfter = (instant: number) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rows[middle].at < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return rows.slice(firstAtOrAfter(window.start), firstAtOrAfter(window.end));
}

/**
 * The four community measures over one window, from raw rows: the reference definition. The
 * service measures from SQL aggregates instead (segment-measures.ts); segment-measures.spec.ts
 * checks that both agree.
 */
export function measure(data: CommunityData, window: Window): Measures {
  const mentions = within(data.mentions, window);
  const rated = mentions.filter((mention) => mention.sentiment !== null);
  const activities = within(data.activities, window);
  const firstOrders = within(data.firstOrders, window);
  const interactions = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0])) as Record<
    ActivityType,
    number
  >;
  const ordersByMember = new Map<string, number>();
  for (const activity of activities) {
    interactions[activity.type] += 1;
    if (activity.type === 'purchase')
      ordersByMember.set(activity.memberId, (ordersByMember.get(activity.memberId) ?? 0) + 1);
  }
  const bySource = (source: AcquisitionSource) =>
    firstOrders.filter((order) => order.source === source).length;
  const repeatCustomers = [...ordersByMember.values()].filter((orders) => orders >= 2).length;
  return {
    reach: {
      mentions: mentions.length,
      totalReach: mentions.reduce((sum, mention) => sum + mention.reach, 0),
      uniquePeople: new Set(mentions.map((mention) => mention.handle)).size,
      positiveShare: ratio(
        rated.filter((mention) => mention.sentiment! > POSITIVE_SENTIMENT).length,
        rated.length,
      ),
    },
    acquisition: {
      newCustomers: firstOrders.length,
      community: firstOrders.filter((order) => order.source !== null).length,
      viaReferral: bySource('referral'),
      viaEventGuest: bySource('event_guest'),
      viaContent: bySource('content'),
    },
    activity: {
      activeMembers: new Set(activities.map((activity) => activity.memberId)).size,
      interactions,
    },
    purchases: {
      customers: ordersByMember.size,
      orders: interactions.purchase,
      repeatCustomers,
      repeatPurchaseRate: ratio(repeatCustomers, ordersByMember.size),
      ordersPerCustomer: ratio(interactions.purchase, ordersByMember.size),
    },
  };
}

/** current − previous, leaf by leaf. */
export function difference(current: Measures, previous: Measures): MeasureChange {
  const subtract = (left: unknown, right: unknown): unknown => {
    if (typeof left === 'number' && typeof right === 'number')
      return Number((left - right).toFixed(4));
    if (left && right && typeof left === 'object' && typeof right === 'object')
      return Object.fromEntries(
        Object.entries(left).map(([key, value]) => [
          key,
          subtract(value, (right as Record<string, unknown>)[key]),
        ]),
      );
    return null;
  };
  return subtract(current, previous) as MeasureChange;
}
