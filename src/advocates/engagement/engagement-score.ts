import { ActivityType } from '../../config/activity-types';

export const DAY_MS = 86_400_000;

/** One thing a member did, when, and where (null: not on a platform, e.g. a purchase). */
export interface Activity {
  type: ActivityType;
  id?: string;
  platform: string | null;
  occurredAt: number;
}

export interface EngagementRules {
  halfLifeDays: number;
  weights: Partial<Record<ActivityType, number>>;
}

export interface Contribution {
  activity: Activity;
  ageDays: number;
  weight: number;
  points: number;
}

export interface EngagementScore {
  total: number;
  byPlatform: Record<string, number>;
  /** Points of activities on no platform (purchases, referrals, feedback). */
  offPlatform: number;
  /** The latest activity at or before asOf, whatever its weight. */
  lastActivityAt: number | null;
  /** Activities at or before asOf, whatever their weight. */
  activityCount: number;
  orderCount: number;
  /** With `explain`: every activity that earned points, most points first. */
  contributions: Contribution[];
}

/** 0.5^(age / half-life): an activity half-life days old counts half. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (ageDays / halfLifeDays);
}

/**
 * Σ weight(type) × 0.5^(age in days / half-life) over the activities up to asOf, in total and
 * per platform. Later activities are left out; an activity dated exactly asOf counts fully.
 */
export function engagementScore(
  activities: readonly Activity[],
  rules: EngagementRules,
  asOf: number,
  options: { explain?: boolean } = {},
): EngagementScore {
  const score: EngagementScore = {
    total: 0,
    byPlatform: {},
    offPlatform: 0,
    lastActivityAt: null,
    activityCount: 0,
    orderCount: 0,
    contributions: [],
  };
  for (const activity of activities) {
    if (activity.occurredAt > asOf) continue;
    score.activityCount += 1;
    if (activity.type === 'purchase') score.orderCount += 1;
    if (score.lastActivityAt === null || activity.occurredAt > score.lastActivityAt)
      score.lastActivityAt = activity.occurredAt;
    const weight = rules.weights[activity.type] ?? 0;
    if (weight === 0) continue;
    const ageDays = (asOf - activity.occurredAt) / DAY_MS;
    const points = weight * decay(ageDays, rules.halfLifeDays);
    score.total += points;
    if (activity.platform === null) score.offPlatform += points;
    else score.byPlatform[activity.platform] = (score.byPlatform[activity.platform] ?? 0) + points;
    if (options.explain) score.contributions.push({ activity, ageDays, weight, points });
  }
  score.contributions.sort(
    (left, right) =>
      right.points - left.points || right.activity.occurredAt - left.activity.occurredAt,
  );
  return score;
}
