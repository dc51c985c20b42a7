/**
 * The channel whose cost is referral rewards and event costs (docs/value-model.md,
 * Acquisition metrics).
 */
export const COMMUNITY = 'community';
/** Channel labels that name the community channel. */
const COMMUNITY_LABELS = new Set(['referral', 'event', 'community']);
/** Members acquired with no channel or campaign recorded. */
export const UNATTRIBUTED = 'unattributed';

export type AcquiredVia = 'referral' | 'eventGuest' | 'campaign' | 'label' | 'none';

/** A member with an acquisition date, with the evidence of how they came. */
export interface AcquiredMember {
  memberId: string;
  acquiredAt: number;
  channel: string | null;
  campaignId: string | null;
  /** The channel of the member's acquisition campaign, if it exists. */
  campaignChannel: string | null;
  /**
   * The base reward of the counted referral (converted, not rejected, approved when flagged)
   * that brought the member; null when none did.
   */
  referralRewardMinor: number | null;
  /**
   * The event at which the member was a guest (of an attendee who came) before their first
   * order: the latest that started no later than that order; null when none.
   */
  guestOfEventId: string | null;
  /** Spend value of the member's latest value snapshot; null when never valued. */
  spendValueMinor: number | null;
}

export interface AcquisitionSource {
  channel: string;
  campaignId: string | null;
  eventId: string | null;
  via: AcquiredVia;
}

/** The channel row a channel name counts in: referral, event and community are one channel. */
export function channelRow(channel: string | null): string {
  if (!channel) return UNATTRIBUTED;
  return COMMUNITY_LABELS.has(channel.toLowerCase()) ? COMMUNITY : channel;
}

/**
 * Where a member counts, once: the community channel when a counted referral or an event
 * (as a guest, before the first order) brought them or their label says so (referral before
 * event guest before label); else their acquisition campaign and its channel; else their label.
 */
export function acquisitionSource(
  member: Omit<AcquiredMember, 'acquiredAt' | 'spendValueMinor'>,
): AcquisitionSource {
  const none = { campaignId: null, eventId: null };
  if (member.referralRewardMinor !== null) return { ...none, channel: COMMUNITY, via: 'referral' };
  if (member.guestOfEventId !== null)
    return { ...none, channel: COMMUNITY, eventId: member.guestOfEventId, via: 'eventGuest' };
  if (channelRow(member.channel) === COMMUNITY)
    return { ...none, channel: COMMUNITY, via: 'label' };
  if (member.campaignId && member.campaignChannel !== null)
    return {
      ...none,
      channel: channelRow(member.campaignChannel),
      campaignId: member.campaignId,
      via: 'campaign',
    };
  if (member.channel) return { ...none, channel: member.channel, via: 'label' };
  return { ...none, channel: UNATTRIBUTED, via: 'none' };
}
