import { SpendSummary } from '../engine/value-types';
import { AcquisitionInputs, CampaignFacts, computeAcquisitionMetrics } from './acquisition-metrics';
import { AcquiredMember } from './acquisition-source';

const at = (text: string) => Date.parse(text);
const Q1 = { from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') };
const options = {
  targetLtvCacRatio: 3,
  factors: { credibilityDays: 365, lapseDays: 365, remainingLifespanYears: 3 },
};

const campaign = (overrides: Partial<CampaignFacts> & { id: string }): CampaignFacts => ({
  name: overrides.id,
  channel: 'paid-search',
  startsAt: at('2026-01-01T00:00:00Z'),
  endsAt: at('2026-03-31T00:00:00Z'),
  baseSpendMinor: 0,
  prospects: 0,
  convertedProspects: 0,
  convertedProspectsValueMinor: 0,
  ...overrides,
});

const member = (
  memberId: string,
  acquiredAt: string,
  overrides: Partial<AcquiredMember> = {},
): AcquiredMember => ({
  memberId,
  acquiredAt: at(acquiredAt),
  channel: null,
  campaignId: null,
  campaignChannel: null,
  referralRewardMinor: null,
  guestOfEventId: null,
  spendValueMinor: null,
  ...overrides,
});
const search = { campaignId: 'search', campaignChannel: 'paid-search' };

const summary = (memberId: string, overrides: Partial<SpendSummary>): SpendSummary => ({
  memberId,
  x: 0,
  tx: 0,
  T: 30,
  zbar: 0,
  purchaseDays: 1,
  totalNetMinor: 0,
  realizedMarginMinor: 0,
  ...overrides,
});

/**
 * Q1 2026. "Search" (1,200.00, 2025-11-01 .. 2026-02-28: 120 days, 59 in Q1) acquired s1 before
 * Q1, s2 and s3 in it and s5 after it; s4 names it but was referred. "Launch" spent 500.00 in
 * March and acquired nobody. The meetup (300.00, before Q1) acquired g2 before Q1 and g1 in it;
 * g3 was its guest too but was referred. Amounts in minor units.
 */
const inputs: AcquisitionInputs = {
  campaigns: [
    campaign({
      id: 'search',
      startsAt: at('2025-11-01'),
      endsAt: at('2026-02-28'),
      baseSpendMinor: 120_000,
      prospects: 1_000,
      convertedProspects: 5,
      convertedProspectsValueMinor: 200_000,
    }),
    campaign({
      id: 'launch',
      channel: 'paid-social',
      startsAt: at('2026-03-01'),
      endsAt: at('2026-03-31'),
      baseSpendMinor: 50_000,
      prospects: 2_000,
    }),
    campaign({
      id: 'old',
      channel: 'display',
      startsAt: at('2025-01-01'),
      endsAt: at('2025-03-31'),
      baseSpendMinor: 50_000,
    }),
  ],
  events: [{ id: 'meetup', baseCostMinor: 30_000 }],
  community: { referralRewardsMinor: 6_000, eventCostsMinor: 0 },
  members: [
    member('s1', '2025-12-10', { ...search, spendValueMinor: 50_000 }),
    member('s2', '2026-01-15', { ...search, spendValueMinor: 120_000 }),
    member('s3', '2026-02-10', { ...search, channel: 'paid-search', spendValueMinor: 60_000 }),
    member('s4', '2026-02-11', { ...search, referralRewardMinor: 2_000, spendValueMinor: 5_000 }),
    member('s5', '2026-04-20', { ...search }),
    member('p1', '2026-03-01', { channel: 'paid-search', spendValueMinor: 30_000 }),
    member('r1', '2026-01-20', { referralRewardMinor: 3_000, spendValueMinor: 15_000 }),
    member('g1', '2026-01-05', { guestOfEventId: 'meetup', spendValueMinor: 9_000 }),
    member('g2', '2025-11-20', { guestOfEventId: 'meetup', spendValueMinor: 4_000 }),
    member('g3', '2026-03-30', { guestOfEventId: 'meetup', referralRewardMinor: 1_000 }),
    member('c1', '2026-02-01', { channel: 'referral', spendValueMinor: 6_000 }),
    member('o1', '2026-01-02', { channel: 'organic', spendValueMinor: 10_000 }),
    member('o2', '2026-03-03', { channel: 'organic', spendValueMinor: 20_000 }),
    member('o3', '2025-02-10', {
      channel: 'organic',
      campaignId: 'old',
      campaignChannel: 'display',
    }),
    member('u1', '2026-02-02'),
  ],
  summaries: [
    summary('o1', { purchaseDays: 2, x: 1, tx: 30, T: 60, totalNetMinor: 10_000 }),
    summary('o2', { purchaseDays: 1, T: 10, totalNetMinor: 4_000 }),
    summary('s1', { purchaseDays: 1, T: 100, totalNetMinor: 50_000 }),
  ],
};

describe('computeAcquisitionMetrics, worked by hand', () => {
  const result = computeAcquisitionMetrics(inputs, Q1, options);
  const channel = (name: string) => result.channels.find((row) => row.channel === name);
  const campaignRow = (id: string) => result.campaigns.find((row) => row.campaign.id === id);

  it('lists the channels with acquisitions or spend in the window, community always, by name', () => {
    expect(result.channels.map((row) => row.channel)).toEqual([
      'community',
      'organic',
      'paid-search',
      'paid-social',
      'unattributed',
    ]);
  });

  it("costs a campaign's members its whole spend over all it acquired, with the window's spend beside", () => {
    // s1, s2, s3, s5 (s4 counts as a referral): 1,200.00 / 4 = 300.00 each, though only
    // 1,200.00 × 59 / 120 = 590.00 fell in Q1. The old reading was 590.00 / 2 = 295.00.
    expect(campaignRow('search')).toMatchObject({
      channel: 'paid-search',
      acquired: 2,
      acquiredAllTime: 4,
      spendInWindowMinor: 59_000,
      cacMinor: 30_000,
      costKnown: true,
      // s2 and s3: (1,200.00 + 600.00) / 2 = 900.00; 900 / 300 = 3; 900 / 3 = 300.00.
      ltvMinor: 90_000,
      ltvWithKnownCostMinor: 90_000,
      ltvToCac: 3,
      maxAffordableCacMinor: 30_000,
      // (2,000.00 − 1,200.00) / 1,000 prospects
      prospectLifetimeValueMinor: 80,
    });
  });

  it('leaves a label-only member out of CAC and LTV/CAC but not out of LTV', () => {
    // s2, s3 at 300.00; p1 (label alone) unknown. LTV (1,200 + 600 + 300) / 3 = 700.00, of which
    // the known-cost part (s2, s3) is 900.00: LTV/CAC 900 / 300 = 3. Max CAC 700 / 3 = 233.33.
    expect(channel('paid-search')).toMatchObject({
      acquired: 3,
      membersWithKnownCost: 2,
      membersWithUnknownCost: 1,
      spendInWindowMinor: 59_000,
      cacMinor: 30_000,
      costKnown: true,
      ltvMinor: 70_000,
      valuedMembers: 3,
      ltvWithKnownCostMinor: 90_000,
      ltvToCac: 3,
      maxAffordableCacMinor: 23_333,
      via: { referral: 0, eventGuest: 0, campaign: 2, label: 1 },
    });
  });

  it('costs the community channel per member: rewards, and the event cost over its guests', () => {
    // r1 30.00, s4 20.00, g3 10.00 (rewards; g3 was a guest too, referral first); g1 300.00 /
    // 2 guests the meetup acquired (g1, g2) = 150.00; c1 (label alone) unknown.
    // CAC (30 + 20 + 150 + 10) / 4 = 52.50. LTV (150 + 50 + 90 + 60) / 4 valued = 87.50; known
    // cost and valued: r1, s4, g1 → 290 / 3 = 96.67; LTV/CAC 96.666… / 52.50 = 1.8413.
    // Max CAC 87.50 / 3 = 29.17. Spend in Q1: the rewards converted in it, 60.00.
    expect(channel('community')).toEqual(
      expect.objectContaining({
        acquired: 5,
        membersWithKnownCost: 4,
        membersWithUnknownCost: 1,
        spendInWindowMinor: 6_000,
        cacMinor: 5_250,
        costKnown: true,
        ltvMinor: 8_750,
        valuedMembers: 4,
        ltvWithKnownCostMinor: 9_667,
        ltvToCac: 1.8413,
        maxAffordableCacMinor: 2_917,
        costs: { campaignsMinor: 0, referralRewardsMinor: 6_000, eventCostsMinor: 0 },
        via: { referral: 3, eventGuest: 1, campaign: 0, label: 1 },
      }),
    );
  });

  it('reports organic and unattributed members as of unknown cost, never 0', () => {
    // o1, o2: LTV (100 + 200) / 2 = 150.00, max CAC 50.00; no CAC, no ratio.
    expect(channel('organic')).toMatchObject({
      acquired: 2,
      membersWithKnownCost: 0,
      membersWithUnknownCost: 2,
      spendInWindowMinor: 0,
      cacMinor: null,
      costKnown: false,
      ltvMinor: 15_000,
      ltvWithKnownCostMinor: null,
      ltvToCac: null,
      maxAffordableCacMinor: 5_000,
    });
    expect(channel('unattributed')).toMatchObject({
      acquired: 1,
      membersWithUnknownCost: 1,
      cacMinor: null,
      costKnown: false,
      ltvMinor: null,
      ltvToCac: null,
      maxAffordableCacMinor: null,
    });
  });

  it('reports spend with no acquisitions as such: the spend, and no CAC', () => {
    expect(channel('paid-social')).toMatchObject({
      acquired: 0,
      spendInWindowMinor: 50_000,
      cacMinor: null,
      costKnown: true,
      ltvToCac: null,
    });
    // (0 − 500.00) / 2,000 prospects
    expect(campaignRow('launch')).toMatchObject({
      acquired: 0,
      acquiredAllTime: 0,
      spendInWindowMinor: 50_000,
      cacMinor: null,
      ltvToCac: null,
      prospectLifetimeValueMinor: -25,
    });
  });

  it('lists the campaigns that ran in the window or acquired a member in it', () => {
    expect(result.campaigns.map((row) => row.campaign.id)).toEqual(['search', 'launch']);
  });

  it('sums every member acquired in the window overall', () => {
    // 11 members; known costs s2, s3 (300.00 each), r1 30.00, s4 20.00, g1 150.00, g3 10.00:
    // 810.00 / 6 = 135.00. Valued: 9, Σ 2,750.00 → LTV 305.56, max CAC 101.85. Known cost and
    // valued: s2, s3, r1, s4, g1 = 2,090.00 / 5 = 418.00; LTV/CAC 418 / 135 = 3.0963.
    // Spend in Q1: 60.00 + 590.00 + 500.00.
    expect(result.overall).toMatchObject({
      acquired: 11,
      membersWithKnownCost: 6,
      membersWithUnknownCost: 5,
      spendInWindowMinor: 115_000,
      cacMinor: 13_500,
      costKnown: true,
      ltvMinor: 30_556,
      valuedMembers: 9,
      ltvWithKnownCostMinor: 41_800,
      ltvToCac: 3.0963,
      maxAffordableCacMinor: 10_185,
    });
  });

  it("gives each channel its members' purchase measures, not those of members outside the window", () => {
    // o1 (100.00 over 2 days) and o2 (40.00): 70.00 a customer, 140 / 3 = 46.67 an order.
    expect(channel('organic')?.measures).toMatchObject({
      customers: 2,
      revenuePerCustomerMinor: 7_000,
      averageOrderValueMinor: 14_000 / 3,
    });
    // s1 bought, but was acquired before Q1.
    expect(channel('paid-search')?.measures).toMatchObject({ customers: 0, ordersPerYear: null });
    expect(result.overall.measures.customers).toBe(2);
  });

  it('shows an empty community row for a window without acquisitions', () => {
    const empty = computeAcquisitionMetrics(
      {
        members: [],
        campaigns: [],
        events: [],
        community: { referralRewardsMinor: 0, eventCostsMinor: 0 },
        summaries: [],
      },
      Q1,
      options,
    );
    expect(empty.channels).toEqual([
      expect.objectContaining({
        channel: 'community',
        acquired: 0,
        spendInWindowMinor: 0,
        cacMinor: null,
        costKnown: true,
        ltvMinor: null,
        ltvToCac: null,
      }),
    ]);
    expect(empty.overall).toMatchObject({ acquired: 0, cacMinor: null, ltvToCac: null });
    expect(empty.campaigns).toEqual([]);
  });
});
