import { TierReason, TierRule } from '../../src/advocates/tiers/tier-rules';

/** The default tiers' shape in minor units: advocacy value is the main threshold. */
export const ADVOCACY_RULES: TierRule[] = [
  { name: 'Champion', minAdvocacyMinor: 50_000, minEngagement: 10, maxRecencyDays: 90 },
  { name: 'Advocate', minAdvocacyMinor: 10_000, maxRecencyDays: 365 },
  { name: 'Promoter', minEngagement: 3, maxRecencyDays: 365 },
  { name: 'Customer' },
];

/**
 * The reason of a member with €184.00 of advocacy, engagement 4.5, active 20 days ago, under
 * ADVOCACY_RULES: Advocate (≥ €100, ≤ 365 days); Champion misses €500 of advocacy (has €184)
 * and engagement 10 (has 4.5).
 */
export const ADVOCATE_REASON: TierReason = {
  met: [
    { threshold: 'minAdvocacyValue', required: 10_000, actual: 18_400 },
    { threshold: 'maxRecencyDays', required: 365, actual: 20 },
  ],
  next: {
    tier: 'Champion',
    missing: [
      { threshold: 'minAdvocacyValue', required: 50_000, actual: 18_400 },
      { threshold: 'minEngagement', required: 10, actual: 4.5 },
    ],
  },
};
