import { ACTIVITY_TYPES } from '../../config/activity-types';
import { cohortRetention, cohortRetentionOfBuyers, monthStarts } from './cohort-retention';
import { CommunityCounts } from './community-counts';
import {
  AcquisitionSource,
  CommunityData,
  POSITIVE_SENTIMENT,
  measure,
} from './community-measures';
import { Window } from './intervals';
import { measureSegments } from './segment-measures';
import { Segmentation, segmentOf, segmentWindows } from './window-segments';

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

/** What the SQL of community-counts.loader.ts returns, computed from raw rows. */
function countsOf(data: CommunityData, segmentation: Segmentation): CommunityCounts {
  const { boundaries } = segmentation;
  const segment = (instant: number) => segmentOf(boundaries, instant);
  const inSpan = (instant: number) => instant >= boundaries[0] && instant < boundaries.at(-1)!;
  const group = <T>(rows: T[], key: (row: T) => string) => {
    const groups = new Map<string, { row: T; count: number }>();
    for (const row of rows) {
      const name = key(row);
      groups.set(name, { row, count: (groups.get(name)?.count ?? 0) + 1 });
    }
    return [...groups.values()];
  };
  const members = new Map<string, { orders: number[]; activity: number[] }>();
  for (const activity of data.activities.filter((row) => inSpan(row.at))) {
    const member = members.get(activity.memberId) ?? { orders: [], activity: [] };
    (activity.type === 'purchase' ? member.orders : member.activity).push(segment(activity.at));
    members.set(activity.memberId, member);
  }
  // The SQL knows a first order only when it lies in the span.
  const firsts = new Map(
    data.firstOrders
      .filter((order) => inSpan(order.at))
      .map((order) => [order.memberId, order.source]),
  );
  const buyers = [...members]
    .filter(([, member]) => member.orders.length)
    .map(([id, member]) => ({
      orders: member.orders,
      firstOrder: firsts.has(id),
      source: firsts.get(id) ?? null,
    }));
  const mentions = data.mentions.filter((mention) => inSpan(mention.at));
  const people = new Map<string, number[]>();
  for (const mention of mentions)
    people.set(mention.handle, [...(people.get(mention.handle) ?? []), segment(mention.at)]);
  return {
    buyers: group(buyers, (row) => JSON.stringify(row)).map(({ row, count }) => ({
      ...row,
      members: count,
    })),
    others: group(
      [...members.values()].filter((member) => member.activity.length),
      (row) => JSON.stringify(row),
    ).map(({ row, count }) => ({ ...row, members: count })),
    interactions: group(
      data.activities.filter((row) => inSpan(row.at) && row.type !== 'purchase'),
      (row) => `${row.type}:${segment(row.at)}`,
    ).map(({ row, count }) => ({ segment: segment(row.at), type: row.type, count })),
    mentions: [...new Set(mentions.map((mention) => segment(mention.at)))].map((index) => {
      const rows = mentions.filter((mention) => segment(mention.at) === index);
      const rated = rows.filter((mention) => mention.sentiment !== null);
      return {
        segment: index,
        mentions: rows.length,
        reach: rows.reduce((sum, mention) => sum + mention.reach, 0),
        rated: rated.length,
        positive: rated.filter((mention) => mention.sentiment! > POSITIVE_SENTIMENT).length,
      };
    }),
    people: group([...people.values()], (row) => row.join(',')).map(({ row, count }) => ({
      mentions: row,
      people: count,
    })),
  };
}

/** A small deterministic generator, so that a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomCommunity(seed: number, start: number, days: number): CommunityData {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const instant = () => start + Math.floor(random() * days * DAY);
  const members = Array.from({ length: 40 }, (_, index) => `m${index}`);
  const activities = Array.from({ length: 400 }, () => ({
    at: instant(),
    memberId: pick(members),
    type: random() < 0.6 ? ('purchase' as const) : pick(ACTIVITY_TYPES.slice(1)),
  }));
  const firstOrders = members.flatMap((memberId) => {
    const orders = activities.filter((row) => row.memberId === memberId && row.type === 'purchase');
    // Some members bought before the data starts: their first order is not in the span.
    if (!orders.length || random() < 0.3) return [];
    const sources: (AcquisitionSource | null)[] = ['referral', 'event_guest', 'content', null];
    return [{ at: Math.min(...orders.map((row) => row.at)), memberId, source: pick(sources) }];
  });
  const mentions = Array.from({ length: 120 }, () => ({
    at: instant(),
    reach: Math.floor(random() * 1000),
    handle: `${pick(['x', 'tiktok'])}:${pick(['ann', 'bob', 'cid', 'dan', 'eve'])}`,
    sentiment: random() < 0.2 ? null : pick([-0.5, 0.1, 0.25, 0.3, 0.9]),
  }));
  const byTime = (left: { at: number }, right: { at: number }) => left.at - right.at;
  return {
    mentions: mentions.sort(byTime),
    activities: activities.sort(byTime),
    firstOrders: firstOrders.sort(byTime),
  };
}

describe('measureSegments', () => {
  const start = at('2026-01-01');
  // Overlapping windows of every shape: whole weeks, a partial one, the total, a stray day.
  const windows: Window[] = [
    { start: start + 14 * DAY, end: start + 84 * DAY },
    { start: start, end: start + 14 * DAY },
    { start: start + 14 * DAY, end: start + 21 * DAY },
    { start: start + 21 * DAY, end: start + 28 * DAY },
    { start: start + 28 * DAY + 3_600_000, end: start + 31 * DAY },
    { start: start + 40 * DAY, end: start + 41 * DAY },
    { start: start + 50 * DAY, end: start + 84 * DAY },
  ];

  it('agrees with the reference measure() on every window of random communities', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const data = randomCommunity(seed, start, 84);
      const segmentation = segmentWindows(windows, [start + 31 * DAY]);
      const measures = measureSegments(countsOf(data, segmentation), segmentation);
      windows.forEach((window, index) => expect(measures[index]).toEqual(measure(data, window)));
    }
  });

  it('counts a member once in a window across segments and kinds of activity', () => {
    const data: CommunityData = {
      mentions: [
        { at: at('2026-03-02T10:00:00Z'), reach: 10, handle: 'x:ann', sentiment: 0.5 },
        { at: at('2026-03-10T10:00:00Z'), reach: 20, handle: 'x:ann', sentiment: 0.1 },
      ],
      activities: [
        { at: at('2026-03-02T12:00:00Z'), memberId: 'ann', type: 'purchase' },
        { at: at('2026-03-03T12:00:00Z'), memberId: 'ann', type: 'review' },
        { at: at('2026-03-11T12:00:00Z'), memberId: 'ann', type: 'purchase' },
        { at: at('2026-03-12T12:00:00Z'), memberId: 'bob', type: 'mention' },
      ],
      firstOrders: [{ at: at('2026-03-02T12:00:00Z'), memberId: 'ann', source: 'referral' }],
    };
    const weeks = [
      { start: at('2026-03-02'), end: at('2026-03-16') },
      { start: at('2026-03-02'), end: at('2026-03-09') },
      { start: at('2026-03-09'), end: at('2026-03-16') },
    ];
    const segmentation = segmentWindows(weeks);
    const [both, first, second] = measureSegments(countsOf(data, segmentation), segmentation);
    // ann ordered in each week: one customer with two orders over both weeks, one in each.
    expect(both.purchases).toMatchObject({ customers: 1, orders: 2, repeatCustomers: 1 });
    expect(first.purchases).toMatchObject({ customers: 1, orders: 1, repeatCustomers: 0 });
    // Active: ann (orders and a review) and bob (a mention) over both; ann, then ann and bob.
    expect([both, first, second].map((week) => week.activity.activeMembers)).toEqual([2, 1, 2]);
    expect([both, first, second].map((week) => week.reach.uniquePeople)).toEqual([1, 1, 1]);
    expect(both.reach).toMatchObject({ mentions: 2, totalReach: 30, positiveShare: 0.5 });
    expect([both, first, second].map((week) => week.acquisition.viaReferral)).toEqual([1, 1, 0]);
    expect(second.activity.interactions).toMatchObject({ purchase: 1, mention: 1, review: 0 });
  });
});

describe('cohortRetentionOfBuyers', () => {
  it('agrees with the reference cohortRetention', () => {
    for (let seed = 1; seed <= 10; seed += 1) {
      const start = at('2026-01-01');
      const data = randomCommunity(seed, start, 120);
      const from = at('2026-01-10');
      const to = at('2026-04-20');
      const segmentation = segmentWindows([{ start: from, end: to }], monthStarts(from, to));
      const counts = countsOf(data, segmentation);
      const orders = data.activities.filter((row) => row.type === 'purchase');
      expect(cohortRetentionOfBuyers(counts.buyers, segmentation.boundaries, from, to)).toEqual(
        cohortRetention(data.firstOrders, orders, from, to),
      );
    }
  });
});
