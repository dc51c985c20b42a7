import { DAY_MS } from '../engagement/engagement-score';

/** A tier's thresholds in minor units and days; a threshold left out always holds. */
export interface TierRule {
  name: string;
  minAdvocacyMinor?: number;
  minExtendedMinor?: number;
  minInfluenceMinor?: number;
  minEngagement?: number;
  maxRecencyDays?: number;
}

/** Where a member stands as of one instant. */
export interface Standing {
  advocacyMinor: number;
  extendedMinor: number;
  influenceMinor: number;
  engagement: number;
  lastActivityAt: number | null;
  asOf: number;
}

/** The configured names of the thresholds, as tier reasons name them. */
export type Threshold =
  'minAdvocacyValue' | 'minExtendedValue' | 'minInfluence' | 'minEngagement' | 'maxRecencyDays';

/** One threshold of a tier against the member: money in minor units, recency in whole days. */
export interface ThresholdCheck {
  threshold: Threshold;
  required: number;
  /** null: no activity at all (recency). */
  actual: number | null;
}

/**
 * Why a member has their tier, stored with the snapshot as codes and amounts (rendered in
 * words at read time): the thresholds of their tier, all met, and for the next tier up the
 * ones that are missing. `next` is null at the top tier.
 */
export interface TierReason {
  met: ThresholdCheck[];
  next: { tier: string; missing: ThresholdCheck[] } | null;
}

/** Days since the last activity; null when there was none. */
export function recencyDays(standing: Pick<Standing, 'lastActivityAt' | 'asOf'>): number | null {
  return standing.lastActivityAt === null
    ? null
    : (standing.asOf - standing.lastActivityAt) / DAY_MS;
}

/** Every threshold the rule sets, checked against the standing. */
export function checks(
  rule: TierRule,
  standing: Standing,
): (ThresholdCheck & { holds: boolean })[] {
  const result: (ThresholdCheck & { holds: boolean })[] = [];
  const atLeast = (threshold: Threshold, required: number | undefined, actual: number) => {
    if (required !== undefined)
      result.push({ threshold, required, actual, holds: actual >= required });
  };
  atLeast('minAdvocacyValue', rule.minAdvocacyMinor, standing.advocacyMinor);
  atLeast('minExtendedValue', rule.minExtendedMinor, standing.extendedMinor);
  atLeast('minInfluence', rule.minInfluenceMinor, standing.influenceMinor);
  atLeast('minEngagement', rule.minEngagement, standing.engagement);
  if (rule.maxRecencyDays !== undefined) {
    const days = recencyDays(standing);
    result.push({
      threshold: 'maxRecencyDays',
      required: rule.maxRecencyDays,
      actual: days === null ? null : Math.floor(days),
      holds: days !== null && days <= rule.maxRecencyDays,
    });
  }
  return result;
}

export function ruleHolds(rule: TierRule, standing: Standing): boolean {
  return checks(rule, standing).every((check) => check.holds);
}

/** The first tier in order whose thresholds all hold; null when none does. */
export function tierFor(rules: readonly TierRule[], standing: Standing): string | null {
  return rules.find((rule) => ruleHolds(rule, standing))?.name ?? null;
}

/** The member's tier and why: what their tier's thresholds are, and what the next tier up misses. */
export function tierWithReason(
  rules: readonly TierRule[],
  standing: Standing,
): { tier: string | null; reason: TierReason } {
  const at = rules.findIndex((rule) => ruleHolds(rule, standing));
  const strip = ({ threshold, required, actual }: ThresholdCheck) => ({
    threshold,
    required,
    actual,
  });
  const met = at === -1 ? [] : checks(rules[at], standing).map(strip);
  // Tiers are in order, top first: the next tier up is the one before; with none, the lowest.
  const nextAt = at === -1 ? rules.length - 1 : at - 1;
  const next =
    nextAt < 0
      ? null
      : {
          tier: rules[nextAt].name,
          missing: checks(rules[nextAt], standing)
            .filter((check) => !check.holds)
            .map(strip),
        };
  return { tier: at === -1 ? null : rules[at].name, reason: { met, next } };
}

/** A tier as configured: amounts as decimal strings in the base currency. */
export interface ConfiguredTier {
  name: string;
  minAdvocacyValue?: string;
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
  const minor = (amount: string | undefined) =>
    amount === undefined ? undefined : toMinor(amount);
  return tiers.map((tier) => ({
    name: tier.name,
    minAdvocacyMinor: minor(tier.minAdvocacyValue),
    minExtendedMinor: minor(tier.minExtendedValue),
    minInfluenceMinor: minor(tier.minInfluence),
    minEngagement: tier.minEngagement,
    maxRecencyDays: tier.maxRecencyDays,
  }));
}
