import { DAY_MS } from '../engagement/engagement-score';

/** A tier's thresholds in minor units and days; a threshold left out always holds. */
export interface TierRule {
  name: string;
  minExtendedMinor?: number;
  minInfluenceMinor?: number;
  minEngagement?: number;
  maxRecencyDays?: number;
}

/** Where a member stands as of one instant. */
export interface Standing {
  extendedMinor: number;
  influenceMinor: number;
  engagement: number;
  lastActivityAt: number | null;
  asOf: number;
}

/** Days since the last activity; null when there was none. */
export function recencyDays(standing: Pick<Standing, 'lastActivityAt' | 'asOf'>): number | null {
  return standing.lastActivityAt === null
    ? null
    : (standing.asOf - standing.lastActivityAt) / DAY_MS;
}

export function ruleHolds(rule: TierRule, standing: Standing): boolean {
  if (rule.minExtendedMinor !== undefined && standing.extendedMinor < rule.minExtendedMinor)
    return false;
  if (rule.minInfluenceMinor !== undefined && standing.influenceMinor < rule.minInfluenceMinor)
    return false;
  if (rule.minEngagement !== undefined && standing.engagement < rule.minEngagement) return false;
  if (rule.maxRecencyDays !== undefined) {
    const days = recencyDays(standing);
    if (days === null || days > rule.maxRecencyDays) return false;
  }
  return true;
}

/** The first tier in order whose thresholds all hold; null when none does. */
export function tierFor(rules: readonly TierRule[], standing: Standing): string | null {
  return rules.find((rule) => ruleHolds(rule, standing))?.name ?? null;
}

/** A tier as configured: amounts as decimal strings in the base currency. */
export interface ConfiguredTier {
  name: string;
  minExtendedValue?: string;
  minInfluence?: string;
  minEngagement?: number;
  maxRecencyDays?: number;
}

/** The configured tiers with their amounts in minor units of the base currency. */
export function tierRulesFrom(
  tiers: readonly ConfiguredTier[],
  toMinor: (amount: string) => number,
): TierRule[] {
  return tiers.map((tier) => ({
    name: tier.name,
    minExtendedMinor:
      tier.minExtendedValue === undefined ? undefined : toMinor(tier.minExtendedValue),
    minInfluenceMinor: tier.minInfluence === undefined ? undefined : toMinor(tier.minInfluence),
    minEngagement: tier.minEngagement,
    maxRecencyDays: tier.maxRecencyDays,
  }));
}
