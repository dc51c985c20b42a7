import { DataSource } from 'typeorm';
import { parseAmount } from '../common/money/money';
import { currencyDecimals } from '../common/money/currency';
import { ActivityType } from '../config/activity-types';
import { MemberRange } from '../database/member-range';
import { ActivityLoader } from './engagement/activity.loader';
import { ConfiguredTier, TierRule, tierRulesFrom, tierWithReason } from './tiers/tier-rules';

/** What a recompute needs of the advocates settings (plain data: it crosses into a worker). */
export interface AssessmentSettings {
  engagement: { halfLifeDays: number; weights: Partial<Record<ActivityType, number>> };
  tiers: ConfiguredTier[];
}

export interface MemberFigures {
  memberId: string;
  advocacyMinor: number;
  extendedMinor: number;
  influenceMinor: number;
}

/** Stored on each snapshot next to the money figures. */
export interface AdvocateAssessment {
  engagement: number;
  tier: string | null;
  /** JSON TierReason: thresholds met, and what the next tier up misses. */
  tierReason: string;
  lastActivityAt: number | null;
  orderCount: number;
  /** influence / extended; null where the extended value is not positive. */
  influenceShare: number | null;
}

export function tierRules(tiers: readonly ConfiguredTier[], currency: string): TierRule[] {
  return tierRulesFrom(tiers, (amount) => {
    const parsed = parseAmount(amount, currency);
    return 'minor' in parsed
      ? parsed.minor
      : Math.round(Number(amount) * 10 ** currencyDecimals(currency));
  });
}

export function influenceShare(extendedMinor: number, influenceMinor: number): number | null {
  return extendedMinor > 0 ? influenceMinor / extendedMinor : null;
}

/**
 * Each member's activities up to asOf, reduced to what a snapshot stores: engagement, the
 * latest activity and the number of orders. Columnar, so that it crosses from a worker thread
 * as a few arrays rather than 100,000 objects.
 */
export interface ActivitySummaries {
  memberIds: string[];
  engagement: Float64Array;
  lastActivityAt: Float64Array;
  orders: Uint32Array;
}

/**
 * The database sums each member's activities per type (ActivityLoader.aggregate), so that a
 * few rows per member cross into JavaScript rather than every activity.
 */
export async function summarizeActivity(
  dataSource: DataSource,
  engagement: AssessmentSettings['engagement'],
  asOf: number,
  memberRange?: MemberRange,
): Promise<ActivitySummaries> {
  const aggregates = await new ActivityLoader(dataSource).aggregate(
    { to: asOf + 1, memberRange },
    asOf,
    engagement.halfLifeDays,
  );
  const index = new Map<string, number>();
  for (const aggregate of aggregates)
    if (!index.has(aggregate.memberId)) index.set(aggregate.memberId, index.size);
  const summaries: ActivitySummaries = {
    memberIds: [...index.keys()],
    engagement: new Float64Array(index.size),
    lastActivityAt: new Float64Array(index.size),
    orders: new Uint32Array(index.size),
  };
  summaries.lastActivityAt.fill(-Infinity);
  for (const aggregate of aggregates) {
    const at = index.get(aggregate.memberId)!;
    summaries.engagement[at] += (engagement.weights[aggregate.type] ?? 0) * aggregate.decayed;
    summaries.lastActivityAt[at] = Math.max(summaries.lastActivityAt[at], aggregate.lastAt);
    if (aggregate.type === 'purchase') summaries.orders[at] += aggregate.count;
  }
  return summaries;
}

/** The recompute hook: engagement, last activity, orders and tier of every valued member. */
export function assessAdvocates(
  settings: AssessmentSettings,
  currency: string,
  asOf: number,
  members: readonly MemberFigures[],
  activity: ActivitySummaries,
): Map<string, AdvocateAssessment> {
  const rules = tierRules(settings.tiers, currency);
  const positions = new Map(activity.memberIds.map((memberId, at) => [memberId, at]));
  const assessments = new Map<string, AdvocateAssessment>();
  for (const member of members) {
    const at = positions.get(member.memberId);
    const engagement = at === undefined ? 0 : activity.engagement[at];
    const lastActivityAt = at === undefined ? null : activity.lastActivityAt[at];
    const { tier, reason } = tierWithReason(rules, {
      advocacyMinor: member.advocacyMinor,
      extendedMinor: member.extendedMinor,
      influenceMinor: member.influenceMinor,
      engagement,
      lastActivityAt,
      asOf,
    });
    assessments.set(member.memberId, {
      engagement,
      lastActivityAt,
      orderCount: at === undefined ? 0 : activity.orders[at],
      influenceShare: influenceShare(member.extendedMinor, member.influenceMinor),
      tier,
      tierReason: JSON.stringify(reason),
    });
  }
  return assessments;
}
