import {
  AcquiredMember,
  CampaignFacts,
  acquisitionSource,
  campaignDaysInPeriod,
  computeAcquisitionMetrics,
  proratedSpend,
} from './acquisition-metrics';

const at = (text: string) => Date.parse(text);
const Q1 = { from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') };

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

const member = (overrides: Partial<AcquiredMember> & { memberId: string }): AcquiredMember => ({
  channel: null,
  campaignId: null,
  campaignChannel: null,
  referred: false,
  eventGuest: false,
  spendValueMinor: null,
  ...overrides,
});

describe('campaignDaysInPeriod and proratedSpend', () => {
  it('counts a campaign from its start day to its end day inclusive', () => {
    // 2026-03-02 .. 2026-04-30: 60 days, 30 of them in Q1.
    const spring = { startsAt: at('2026-03-02'), endsAt: at('2026-04-30T18:00:00Z') };
    expect(campaignDaysInPeriod(spring, Q1)).toEqual({ overlap: 30, days: 60 });
    expect(proratedSpend({ ...spring, baseSpendMinor: 60_000 }, Q1)).toBe(30_000);
  });

  it('gives the whole spend to a period that covers the campaign, none to one that misses it', () => {
    const q1Campaign = {
      startsAt: at('2026-01-01'),
      endsAt: at('2026-03-31'),
      baseSpendMinor: 90_000,
    };
    expect(proratedSpend(q1Campaign, Q1)).toBe(90_000);
    const april = { from: at('2026-04-01'), to: at('2026-05-01') };
    expect(proratedSpend(q1Campaign, april)).toBe(0);
  });

  it('counts a period day only when it starts in [from, to)', () => {
    const january = { startsAt: at('2026-01-01'), endsAt: at('2026-01-10'), baseSpendMinor: 1_000 };
    // From noon on Jan 1: Jan 2 .. Jan 10 count, 9 of 10 days.
    expect(proratedSpend(january, { from: at('2026-01-01T12:00:00Z'), to: Q1.to })).toBe(900);
    // To noon on Jan 3: Jan 1 .. Jan 3 count (Jan 3 starts before noon).
    expect(proratedSpend(january, { from: Q1.from, to: at('2026-01-03T12:00:00Z') })).toBe(300);
  });

  it('rounds half-even once', () => {
    const twoDays = { startsAt: at('2026-01-31'), endsAt: at('2026-02-01') };
    const january = { from: Q1.from, to: at('2026-02-01') };
    expect(proratedSpend({ ...twoDays, baseSpendMinor: 1 }, january)).toBe(0); // 0.5
    expect(proratedSpend({ ...twoDays, baseSpendMinor: 3 }, january)).toBe(2); // 1.5
    expect(proratedSpend({ ...twoDays, baseSpendMinor: 5 }, january)).toBe(2); // 2.5
  });
});

describe('acquisitionSource', () => {
  it('counts a member once: referral before event guest before community label before campaign', () => {
    const everything = member({
      memberId: 'm',
      channel: 'event',
      campaignId: 'c',
      campaignChannel: 'paid-search',
      referred: true,
      eventGuest: true,
    });
    expect(acquisitionSource(everything)).toEqual({
      channel: 'community',
      campaignId: null,
      via: 'referral',
    });
    expect(acquisitionSource({ ...everything, referred: false })).toMatchObject({
      via: 'eventGuest',
    });
    expect(acquisitionSource({ ...everything, referred: false, eventGuest: false })).toMatchObject({
      channel: 'community',
      via: 'label',
    });
    expect(
      acquisitionSource({
        ...everything,
        referred: false,
        eventGuest: false,
        channel: 'Paid-Search',
      }),
    ).toEqual({ channel: 'paid-search', campaignId: 'c', via: 'campaign' });
  });

  it('reads the labels referral, event and community (any case) as the community channel', () => {
    for (const channel of ['referral', 'Event', 'COMMUNITY'])
      expect(acquisitionSource(member({ memberId: 'm', channel })).channel).toBe('community');
  });

  it('falls back to the label when the campaign is unknown, and to unattributed', () => {
    expect(
      acquisitionSource(member({ memberId: 'm', channel: 'organic', campaignId: 'gone' })),
    ).toEqual({ channel: 'organic', campaignId: null, via: 'label' });
    expect(acquisitionSource(member({ memberId: 'm' }))).toEqual({
      channel: 'unattributed',
      campaignId: null,
      via: 'none',
    });
  });
});

describe('computeAcquisitionMetrics', () => {
  const campaigns = [
    campaign({
      id: 'search',
      baseSpendMinor: 90_000,
      prospects: 1_000,
      convertedProspects: 3,
      convertedProspectsValueMinor: 150_000,
    }),
    campaign({
      id: 'social',
      channel: 'paid-social',
      startsAt: at('2026-03-02'),
      endsAt: at('2026-04-30'),
      baseSpendMinor: 60_000,
    }),
    campaign({
      id: 'meetup',
      channel: 'event',
      startsAt: at('2026-02-01'),
      endsAt: at('2026-02-01'),
      baseSpendMinor: 10_000,
      prospects: 200,
    }),
    campaign({
      id: 'autumn',
      channel: 'display',
      startsAt: at('2025-10-01'),
      endsAt: at('2025-12-31'),
      baseSpendMinor: 50_000,
    }),
    campaign({
      id: 'old',
      channel: 'display',
      startsAt: at('2025-01-01'),
      endsAt: at('2025-03-31'),
      baseSpendMinor: 50_000,
    }),
  ];
  const members = [
    member({
      memberId: 'm1',
      channel: 'paid-search',
      campaignId: 'search',
      campaignChannel: 'paid-search',
      spendValueMinor: 10_000,
    }),
    member({
      memberId: 'm2',
      campaignId: 'search',
      campaignChannel: 'paid-search',
      spendValueMinor: 20_000,
    }),
    member({
      memberId: 'm3',
      campaignId: 'search',
      campaignChannel: 'paid-search',
      referred: true,
      spendValueMinor: 5_000,
    }),
    member({ memberId: 'm4', channel: 'referral' }),
    member({ memberId: 'm5', eventGuest: true, spendValueMinor: 7_000 }),
    member({ memberId: 'm6', referred: true, eventGuest: true, spendValueMinor: 3_000 }),
    member({ memberId: 'm7', channel: 'organic', spendValueMinor: 4_000 }),
    member({ memberId: 'm8' }),
    member({
      memberId: 'm9',
      campaignId: 'social',
      campaignChannel: 'paid-social',
      spendValueMinor: 1_000,
    }),
    member({
      memberId: 'm10',
      campaignId: 'autumn',
      campaignChannel: 'display',
      spendValueMinor: 2_000,
    }),
  ];
  const community = { referralRewardsMinor: 5_000, eventCostsMinor: 25_000 };
  const result = computeAcquisitionMetrics(members, campaigns, community, Q1);
  const channel = (name: string) => result.channels.find((row) => row.channel === name);
  const campaignRow = (id: string) => result.campaigns.find((row) => row.campaign.id === id);

  it('lists the channels with acquisitions or spend, community always, by name', () => {
    expect(result.channels.map((row) => row.channel)).toEqual([
      'community',
      'display',
      'organic',
      'paid-search',
      'paid-social',
      'unattributed',
    ]);
  });

  it('costs the community channel rewards, event costs and community campaigns', () => {
    // m3 (referral, despite its campaign), m4 (label), m5 (guest), m6 (referral before guest).
    // Spend 100.00 (meetup campaign) + 50.00 rewards + 250.00 events = 400.00; CAC 100.00;
    // LTV (50 + 70 + 30) / 3 valued = 50.00; LTV/CAC 0.5.
    expect(channel('community')).toEqual({
      channel: 'community',
      acquired: 4,
      spendMinor: 40_000,
      cacMinor: 10_000,
      ltvMinor: 5_000,
      ltvToCac: 0.5,
      valuedMembers: 3,
      costs: { campaignsMinor: 10_000, referralRewardsMinor: 5_000, eventCostsMinor: 25_000 },
      via: { referral: 2, eventGuest: 1, campaign: 0, label: 1 },
    });
  });

  it('costs paid channels their campaigns pro-rated to the period', () => {
    expect(channel('paid-search')).toMatchObject({
      acquired: 2,
      spendMinor: 90_000,
      cacMinor: 45_000,
      ltvMinor: 15_000,
      ltvToCac: 0.3333,
      via: { campaign: 2 },
    });
    // 600.00 over 60 days, 30 in Q1.
    expect(channel('paid-social')).toMatchObject({
      acquired: 1,
      spendMinor: 30_000,
      cacMinor: 30_000,
      ltvMinor: 1_000,
      ltvToCac: 0.0333,
    });
  });

  it('has a zero CAC and no LTV/CAC without spend, and nulls where nothing is valued', () => {
    expect(channel('organic')).toMatchObject({
      acquired: 1,
      spendMinor: 0,
      cacMinor: 0,
      ltvMinor: 4_000,
      ltvToCac: null,
    });
    expect(channel('unattributed')).toMatchObject({
      acquired: 1,
      cacMinor: 0,
      ltvMinor: null,
      ltvToCac: null,
      valuedMembers: 0,
    });
    expect(channel('display')).toMatchObject({ acquired: 1, spendMinor: 0, ltvMinor: 2_000 });
  });

  it('counts per campaign only the members it acquired, and its prospect lifetime value', () => {
    expect(campaignRow('search')).toMatchObject({
      channel: 'paid-search',
      acquired: 2,
      spendMinor: 90_000,
      cacMinor: 45_000,
      ltvMinor: 15_000,
      ltvToCac: 0.3333,
      // (1,500.00 − 900.00) / 1,000 prospects
      prospectLifetimeValueMinor: 60,
    });
    expect(campaignRow('social')).toMatchObject({
      acquired: 1,
      spendMinor: 30_000,
      prospectLifetimeValueMinor: null,
    });
    // (0 − 100.00) / 200 prospects
    expect(campaignRow('meetup')).toMatchObject({
      channel: 'community',
      acquired: 0,
      spendMinor: 10_000,
      cacMinor: null,
      ltvMinor: null,
      ltvToCac: null,
      prospectLifetimeValueMinor: -50,
    });
  });

  it('lists campaigns that ran in the period or acquired a member in it', () => {
    expect(result.campaigns.map((row) => row.campaign.id)).toEqual([
      'search',
      'social',
      'meetup',
      'autumn',
    ]);
    expect(campaignRow('autumn')).toMatchObject({ acquired: 1, spendMinor: 0, cacMinor: 0 });
  });

  it('shows an empty community row for a period without acquisitions', () => {
    const empty = computeAcquisitionMetrics(
      [],
      [],
      { referralRewardsMinor: 0, eventCostsMinor: 0 },
      Q1,
    );
    expect(empty.channels).toEqual([
      expect.objectContaining({
        channel: 'community',
        acquired: 0,
        spendMinor: 0,
        cacMinor: null,
        ltvMinor: null,
        ltvToCac: null,
      }),
    ]);
    expect(empty.campaigns).toEqual([]);
  });
});
