import { ACTIVITY_TYPES, ActivityType } from '../../config/activity-types';
import { CommunityCounts } from './community-counts';
import { AcquisitionSource, Measures, ratio } from './community-measures';
import { Segmentation, windowsBySegment } from './window-segments';

/**
 * How many of a group's segments fall in each window, for one group at a time: the windows
 * that cover a segment are looked up, so a group costs its length times the few windows over
 * each segment, whatever the number of windows.
 */
class WindowTally {
  private readonly hits: Int32Array;
  private readonly touched: number[] = [];

  constructor(
    private readonly bySegment: number[][],
    windows: number,
  ) {
    this.hits = new Int32Array(windows);
  }

  /** Calls back once per window with the number of the segments that lie in it. */
  count(segments: readonly number[], each: (window: number, hits: number) => void): void {
    for (const segment of segments)
      for (const window of this.bySegment[segment]) {
        if (this.hits[window] === 0) this.touched.push(window);
        this.hits[window] += 1;
      }
    for (const window of this.touched) {
      each(window, this.hits[window]);
      this.hits[window] = 0;
    }
    this.touched.length = 0;
  }
}

interface Tallies {
  rated: number;
  positive: number;
  sources: Record<AcquisitionSource, number>;
  repeatCustomers: number;
  customers: number;
  othersOnly: number;
}

/** The measures of every window of the segmentation, in the order of its spans. */
export function measureSegments(counts: CommunityCounts, segmentation: Segmentation): Measures[] {
  const bySegment = windowsBySegment(segmentation);
  const windows = segmentation.spans.length;
  const tally = new WindowTally(bySegment, windows);
  const interactions = Array.from(
    { length: windows },
    () =>
      Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0])) as Record<ActivityType, number>,
  );
  const reach = Array.from({ length: windows }, () => ({ mentions: 0, totalReach: 0, people: 0 }));
  const newCustomers = new Array<number>(windows).fill(0);
  const tallies: Tallies[] = Array.from({ length: windows }, () => ({
    rated: 0,
    positive: 0,
    sources: { referral: 0, event_guest: 0, content: 0 },
    repeatCustomers: 0,
    customers: 0,
    othersOnly: 0,
  }));

  for (const row of counts.mentions)
    for (const window of bySegment[row.segment]) {
      reach[window].mentions += row.mentions;
      reach[window].totalReach += row.reach;
      tallies[window].rated += row.rated;
      tallies[window].positive += row.positive;
    }
  for (const row of counts.interactions)
    for (const window of bySegment[row.segment]) interactions[window][row.type] += row.count;
  for (const group of counts.people)
    tally.count(group.mentions, (window) => (reach[window].people += group.people));
  for (const group of counts.buyers) {
    tally.count(group.orders, (window, orders) => {
      interactions[window].purchase += orders * group.members;
      tallies[window].customers += group.members;
      if (orders >= 2) tallies[window].repeatCustomers += group.members;
    });
    if (!group.firstOrder) continue;
    for (const window of bySegment[Math.min(...group.orders)]) {
      newCustomers[window] += group.members;
      if (group.source) tallies[window].sources[group.source] += group.members;
    }
  }
  // Members active without an order in a window: the customers are counted already.
  const ordered = new Set<number>();
  for (const group of counts.others) {
    tally.count(group.orders, (window) => ordered.add(window));
    tally.count(group.activity, (window) => {
      if (!ordered.has(window)) tallies[window].othersOnly += group.members;
    });
    ordered.clear();
  }

  return tallies.map((window, index): Measures => {
    const { sources, customers, repeatCustomers } = window;
    const orders = interactions[index].purchase;
    return {
      reach: {
        mentions: reach[index].mentions,
        totalReach: reach[index].totalReach,
        uniquePeople: reach[index].people,
        positiveShare: ratio(window.positive, window.rated),
      },
      acquisition: {
        newCustomers: newCustomers[index],
        community: sources.referral + sources.event_guest + sources.content,
        viaReferral: sources.referral,
        viaEventGuest: sources.event_guest,
        viaContent: sources.content,
      },
      activity: {
        activeMembers: customers + window.othersOnly,
        interactions: interactions[index],
      },
      purchases: {
        customers,
        orders,
        repeatCustomers,
        repeatPurchaseRate: ratio(repeatCustomers, customers),
        ordersPerCustomer: ratio(orders, customers),
      },
    };
  });
}
