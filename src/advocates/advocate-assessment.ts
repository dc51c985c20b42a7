import { DataSource } from 'typeorm';
import { parseAmount } from '../common/money/money';
import { currencyDecimals } from '../common/money/currency';
import { ActivityType } from './engagement/activity-types';
import { ActivityLoader, MemberActivity } from './engagement/activity.loader';
import { engagementScore } from './engagement/engagement-score';
import { ConfiguredTier, TierRule, tierFor, tierRulesFrom } from './tiers/tier-rules';

/** What a recompute needs of the advocates settings (plain data: it crosses into a worker). */
export interface AssessmentSettings {
  engagement: { halfLifeDays: number; weights: Partial<Record<ActivityType, number>> };
  tiers: ConfiguredTier[];
}

export interface MemberFigures {
  memberId: string;
  extendedMinor: number;
  influenceMinor: number;
}

/** Stored on each snapshot next to the money figures. */
export interface AdvocateAssessment {
  engagement: number;
  tier: string | null;
  lastActivityAt: number | null;
  orderCount: number;
  /** influence / extended; null where the extended value is not positive. */
  influenceShare: number | null;
}

const CHUNK = 20_000;

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
 * The recompute hook: engagement, last activity, orders and tier of every valued member as of
 * asOf. Reads activities in chunks of members, in the database's own id order so that each
 * chunk is one index range on every ledger table.
 */
export async function assessAdvocates(
  dataSource: DataSource,
  settings: AssessmentSettings,
  currency: string,
  asOf: number,
  members: readonly MemberFigures[],
): Promise<Map<string, AdvocateAssessment>> {
  const figures = new Map(members.map((member) => [member.memberId, member]));
  const rules = tierRules(settings.tiers, currency);
  const loader = new ActivityLoader(dataSource);
  const ids: string[] = (await dataSource.query('SELECT id FROM members ORDER BY id')).map(
    (row: { id: string }) => String(row.id),
  );
  const assessments = new Map<string, AdvocateAssessment>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const activities = await loader.load({
      to: asOf + 1,
      memberIds: { lowest: chunk[0], highest: chunk[chunk.length - 1] },
    });
    const byMember = new Map<string, MemberActivity[]>();
    for (const activity of activities) {
      const list = byMember.get(activity.memberId);
      if (list) list.push(activity);
      else byMember.set(activity.memberId, [activity]);
    }
    for (const memberId of chunk) {
      const member = figures.get(memberId);
      if (!member) continue;
      const score = engagementScore(byMember.get(memberId) ?? [], settings.engagement, asOf);
      assessments.set(memberId, {
        engagement: score.total,
        lastActivityAt: score.lastActivityAt,
        orderCount: score.orderCount,
        influenceShare: influenceShare(member.extendedMinor, member.influenceMinor),
        tier: tierFor(rules, {
          extendedMinor: member.extendedMinor,
          influenceMinor: member.influenceMinor,
          engagement: score.total,
          lastActivityAt: score.lastActivityAt,
          asOf,
        }),
      });
    }
  }
  return assessments;
}
