import { AcquiredMember, acquisitionSource } from './acquisition-source';

const member = (overrides: Partial<AcquiredMember> = {}): AcquiredMember => ({
  memberId: 'm',
  acquiredAt: Date.parse('2026-02-01'),
  channel: null,
  campaignId: null,
  campaignChannel: null,
  referralRewardMinor: null,
  guestOfEventId: null,
  spendValueMinor: null,
  ...overrides,
});

describe('acquisitionSource', () => {
  it('counts a member once: referral before event guest before community label before campaign', () => {
    const everything = member({
      channel: 'event',
      campaignId: 'c',
      campaignChannel: 'paid-search',
      referralRewardMinor: 0,
      guestOfEventId: 'e',
    });
    expect(acquisitionSource(everything)).toEqual({
      channel: 'community',
      campaignId: null,
      eventId: null,
      via: 'referral',
    });
    expect(acquisitionSource({ ...everything, referralRewardMinor: null })).toEqual({
      channel: 'community',
      campaignId: null,
      eventId: 'e',
      via: 'eventGuest',
    });
    const labelled = { ...everything, referralRewardMinor: null, guestOfEventId: null };
    expect(acquisitionSource(labelled)).toMatchObject({ channel: 'community', via: 'label' });
    expect(acquisitionSource({ ...labelled, channel: 'Paid-Search' })).toEqual({
      channel: 'paid-search',
      campaignId: 'c',
      eventId: null,
      via: 'campaign',
    });
  });

  it('reads the labels referral, event and community (any case) as the community channel', () => {
    for (const channel of ['referral', 'Event', 'COMMUNITY'])
      expect(acquisitionSource(member({ channel })).channel).toBe('community');
  });

  it('falls back to the label when the campaign is unknown, and to unattributed', () => {
    expect(acquisitionSource(member({ channel: 'organic', campaignId: 'gone' }))).toEqual({
      channel: 'organic',
      campaignId: null,
      eventId: null,
      via: 'label',
    });
    expect(acquisitionSource(member())).toMatchObject({ channel: 'unattributed', via: 'none' });
  });
});
