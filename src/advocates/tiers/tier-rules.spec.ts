import { ADVOCACY_RULES, ADVOCATE_REASON } from '../../../test/support/tier-reasons';
import { TierRule, recencyDays, tierFor, tierRulesFrom, tierWithReason } from './tier-rules';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 6, 1);
const RULES: TierRule[] = [
  {
    name: 'Champion',
    minExtendedMinor: 50_000,
    minInfluenceMinor: 5_000,
    minEngagement: 20,
    maxRecencyDays: 30,
  },
  { name: 'Advocate', minExtendedMinor: 20_000, minEngagement: 5 },
  { name: 'Promoter', maxRecencyDays: 90 },
  { name: 'Customer' },
];
const standing = (overrides: Partial<Parameters<typeof tierFor>[1]> = {}) => ({
  advocacyMinor: 30_000,
  extendedMinor: 60_000,
  influenceMinor: 6_000,
  engagement: 25,
  lastActivityAt: AS_OF - 10 * DAY,
  asOf: AS_OF,
  ...overrides,
});

describe('tierFor', () => {
  it('is the first tier in order whose thresholds all hold', () => {
    expect(tierFor(RULES, standing())).toBe('Champion');
    // Influence 49.99 misses Champion by a cent; Advocate holds.
    expect(tierFor(RULES, standing({ influenceMinor: 4_999 }))).toBe('Advocate');
    // Too long since the last activity for Champion; the rest of Advocate holds.
    expect(tierFor(RULES, standing({ lastActivityAt: AS_OF - 31 * DAY }))).toBe('Advocate');
    expect(tierFor(RULES, standing({ engagement: 4.99 }))).toBe('Promoter');
    expect(tierFor(RULES, standing({ engagement: 0, lastActivityAt: null }))).toBe('Customer');
  });

  it('counts thresholds as inclusive', () => {
    expect(
      tierFor(
        RULES,
        standing({
          extendedMinor: 50_000,
          influenceMinor: 5_000,
          engagement: 20,
          lastActivityAt: AS_OF - 30 * DAY,
        }),
      ),
    ).toBe('Champion');
  });

  it('is null when no tier holds', () => {
    expect(tierFor(RULES.slice(0, 2), standing({ extendedMinor: 0 }))).toBeNull();
  });
});

describe('tierWithReason', () => {
  it('says which thresholds hold and, for the next tier up, what is missing and by how much', () => {
    // €184.00 of advocacy, engagement 4.5, active 20 days ago: Advocate (≥ €100, ≤ 365 days);
    // Champion misses €500 of advocacy (has €184) and engagement 10 (has 4.5).
    const { tier, reason } = tierWithReason(
      ADVOCACY_RULES,
      standing({ advocacyMinor: 18_400, engagement: 4.5, lastActivityAt: AS_OF - 20 * DAY }),
    );
    expect(tier).toBe('Advocate');
    expect(reason).toEqual(ADVOCATE_REASON);
  });

  it('has no next tier at the top, and the lowest tier as next when none holds', () => {
    expect(
      tierWithReason(ADVOCACY_RULES, standing({ advocacyMinor: 60_000 })).reason.next,
    ).toBeNull();
    const none = tierWithReason(
      ADVOCACY_RULES.slice(0, 2),
      standing({ advocacyMinor: 0, lastActivityAt: null }),
    );
    expect(none).toEqual({
      tier: null,
      reason: {
        met: [],
        next: {
          tier: 'Advocate',
          missing: [
            { threshold: 'minAdvocacyValue', required: 10_000, actual: 0 },
            { threshold: 'maxRecencyDays', required: 365, actual: null },
          ],
        },
      },
    });
  });

  it('ranks a referrer whose referees brought €1,840 as Advocate though they spent little', () => {
    const referrer = standing({
      advocacyMinor: 184_000,
      extendedMinor: 186_000,
      engagement: 2,
      lastActivityAt: AS_OF - 40 * DAY,
    });
    expect(tierFor(ADVOCACY_RULES, referrer)).toBe('Advocate');
  });
});

describe('recencyDays', () => {
  it('is the days since the last activity, null without one', () => {
    expect(recencyDays({ lastActivityAt: AS_OF - 36 * 3_600_000, asOf: AS_OF })).toBe(1.5);
    expect(recencyDays({ lastActivityAt: null, asOf: AS_OF })).toBeNull();
  });
});

describe('tierRulesFrom', () => {
  it('turns configured amounts into minor units and keeps missing thresholds open', () => {
    const toMinor = (amount: string) => Math.round(Number(amount) * 100);
    expect(
      tierRulesFrom(
        [{ name: 'Champion', minExtendedValue: '500.00', minInfluence: '50.5' }, { name: 'All' }],
        toMinor,
      ),
    ).toEqual([
      {
        name: 'Champion',
        minAdvocacyMinor: undefined,
        minExtendedMinor: 50_000,
        minInfluenceMinor: 5_050,
        minEngagement: undefined,
        maxRecencyDays: undefined,
      },
      {
        name: 'All',
        minExtendedMinor: undefined,
        minInfluenceMinor: undefined,
        minEngagement: undefined,
        maxRecencyDays: undefined,
      },
    ]);
  });
});
