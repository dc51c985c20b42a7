import { divideHalfEven } from '../../common/money/money';

const DAY_MS = 86_400_000;

/**
 * The channel whose cost is referral rewards and event costs (docs/value-model.md,
 * Acquisition metrics).
 */
export const COMMUNITY = 'community';
/** Channel labels that name the community channel. */
const COMMUNITY_LABELS = new Set(['referral', 'event', 'community']);
/** Members acquired in the period with no channel or campaign recorded. */
export const UNATTRIBUTED = 'unattributed';

export type AcquiredVia = 'referral' | 'eventGuest' | 'campaign' | 'label' | 'none';

/** A member whose acquiredAt lies in the period, with the evidence of how they came. */
export interface AcquiredMember {
  memberId: string;
  channel: string | null;
  campaignId: string | null;
  /** The channel of the member's acquisition campaign, if it exists. */
  campaignChannel: string | null;
  /** Referee of a converted referral that counts (not rejected; approved when flagged). */
  referred: boolean;
  /** Guest (of an attendee who came) at an event that started no later than their first order. */
  eventGuest: boolean;
  /** Spend value of the member's latest value snapshot; null when never valued. */
  spendValueMinor: number | null;
}

export interface CampaignFacts {
  id: string;
  name: string;
  channel: string;
  startsAt: number;
  endsAt: number;
  baseSpendMinor: number;
  prospects: number;
  /** Members with this acquisition campaign, whenever acquired. */
  convertedProspects: number;
  /** Sum of their latest extended values. */
  convertedProspectsValueMinor: number;
}

export interface CommunityCosts {
  /** Base rewards of the counted referrals converted in the period. */
  referralRewardsMinor: number;
  /** Base costs of the events that started in the period. */
  eventCostsMinor: number;
}

export interface Period {
  from: number;
  to: number;
}

export interface UnitEconomics {
  acquired: number;
  spendMinor: number;
  cacMinor: number | null;
  ltvMinor: number | null;
  ltvToCac: number | null;
  valuedMembers: number;
}

export interface ChannelMetrics extends UnitEconomics {
  channel: string;
  costs: { campaignsMinor: number; referralRewardsMinor: number; eventCostsMinor: number };
  via: Record<Exclude<AcquiredVia, 'none'>, number>;
}

export interface CampaignMetrics extends UnitEconomics {
  campaign: CampaignFacts;
  /** The channel row the campaign's spend and members count in. */
  channel: string;
  /** (value of converted prospects − the campaign's whole spend) / prospects reached. */
  prospectLifetimeValueMinor: number | null;
}

export interface AcquisitionMetrics {
  channels: ChannelMetrics[];
  campaigns: CampaignMetrics[];
}

/** The channel row a channel name counts in: referral, event and community are one channel. */
export function channelRow(channel: string | null): string {
  if (!channel) return UNATTRIBUTED;
  return COMMUNITY_LABELS.has(channel.toLowerCase()) ? COMMUNITY : channel;
}

/**
 * Where a member counts, once: the community channel when a converted referral or an event
 * (as a guest, before the first order) brought them or their label says so (referral before
 * event guest before label); else their acquisition campaign and its channel; else their label.
 */
export function acquisitionSource(member: AcquiredMember): {
  channel: string;
  campaignId: string | null;
  via: AcquiredVia;
} {
  if (member.referred) return { channel: COMMUNITY, campaignId: null, via: 'referral' };
  if (member.eventGuest) return { channel: COMMUNITY, campaignId: null, via: 'eventGuest' };
  if (channelRow(member.channel) === COMMUNITY)
    return { channel: COMMUNITY, campaignId: null, via: 'label' };
  if (member.campaignId && member.campaignChannel !== null)
    return {
      channel: channelRow(member.campaignChannel),
      campaignId: member.campaignId,
      via: 'campaign',
    };
  if (member.channel) return { channel: member.channel, campaignId: null, via: 'label' };
  return { channel: UNATTRIBUTED, campaignId: null, via: 'none' };
}

/**
 * Days of the campaign in the period, by whole UTC days: a campaign runs from its start day to
 * its end day inclusive; a day is in the period when it starts in [from, to).
 */
export function campaignDaysInPeriod(
  campaign: Pick<CampaignFacts, 'startsAt' | 'endsAt'>,
  period: Period,
): { overlap: number; days: number } {
  const startDay = Math.floor(campaign.startsAt / DAY_MS);
  const endDay = Math.floor(campaign.endsAt / DAY_MS);
  const firstPeriodDay = Math.ceil(period.from / DAY_MS);
  const afterPeriodDay = Math.ceil(period.to / DAY_MS);
  return {
    overlap: Math.max(0, Math.min(endDay + 1, afterPeriodDay) - Math.max(startDay, firstPeriodDay)),
    days: endDay - startDay + 1,
  };
}

/** The campaign's spend pro-rated by its days in the period, rounded half-even once. */
export function proratedSpend(
  campaign: Pick<CampaignFacts, 'startsAt' | 'endsAt' | 'baseSpendMinor'>,
  period: Period,
): number {
  const { overlap, days } = campaignDaysInPeriod(campaign, period);
  if (overlap === 0) return 0;
  return Number(divideHalfEven(BigInt(campaign.baseSpendMinor) * BigInt(overlap), BigInt(days)));
}

/** CAC, LTV and LTV/CAC per acquisition channel and campaign over one period. */
export function computeAcquisitionMetrics(
  members: readonly AcquiredMember[],
  campaigns: readonly CampaignFacts[],
  community: CommunityCosts,
  period: Period,
): AcquisitionMetrics {
  const channels = new Map<string, { members: AcquiredMember[]; campaignsMinor: number }>();
  const channelOf = (name: string) => {
    let channel = channels.get(name);
    if (!channel) channels.set(name, (channel = { members: [], campaignsMinor: 0 }));
    return channel;
  };
  channelOf(COMMUNITY);
  const byCampaign = new Map<string, AcquiredMember[]>();
  const via = new Map<string, AcquiredVia>();
  for (const member of members) {
    const source = acquisitionSource(member);
    via.set(member.memberId, source.via);
    channelOf(source.channel).members.push(member);
    if (source.campaignId) {
      const list = byCampaign.get(source.campaignId) ?? [];
      list.push(member);
      byCampaign.set(source.campaignId, list);
    }
  }
  const listed = campaigns.filter(
    (campaign) => campaignDaysInPeriod(campaign, period).overlap > 0 || byCampaign.has(campaign.id),
  );
  const campaignRows = listed.map((campaign): CampaignMetrics => {
    const spendMinor = proratedSpend(campaign, period);
    const channel = channelRow(campaign.channel);
    channelOf(channel).campaignsMinor += spendMinor;
    return {
      campaign,
      channel,
      ...unitEconomics(byCampaign.get(campaign.id) ?? [], spendMinor),
      prospectLifetimeValueMinor:
        campaign.prospects > 0
          ? Number(
              divideHalfEven(
                BigInt(campaign.convertedProspectsValueMinor - campaign.baseSpendMinor),
                BigInt(campaign.prospects),
              ),
            )
          : null,
    };
  });
  const channelRows = [...channels.entries()].map(([name, channel]): ChannelMetrics => {
    const isCommunity = name === COMMUNITY;
    const costs = {
      campaignsMinor: channel.campaignsMinor,
      referralRewardsMinor: isCommunity ? community.referralRewardsMinor : 0,
      eventCostsMinor: isCommunity ? community.eventCostsMinor : 0,
    };
    const counts = { referral: 0, eventGuest: 0, campaign: 0, label: 0 };
    for (const member of channel.members) {
      const how = via.get(member.memberId);
      if (how && how !== 'none') counts[how] += 1;
    }
    return {
      channel: name,
      ...unitEconomics(
        channel.members,
        costs.campaignsMinor + costs.referralRewardsMinor + costs.eventCostsMinor,
      ),
      costs,
      via: counts,
    };
  });
  return {
    channels: channelRows
      .filter((row) => row.channel === COMMUNITY || row.acquired > 0 || row.spendMinor > 0)
      .sort((left, right) => left.channel.localeCompare(right.channel)),
    campaigns: campaignRows,
  };
}

/** CAC = spend / acquired; LTV = mean spend value of those valued; nulls where undefined. */
function unitEconomics(members: readonly AcquiredMember[], spendMinor: number): UnitEconomics {
  const valued = members.filter((member) => member.spendValueMinor !== null);
  const valueMinor = valued.reduce((total, member) => total + member.spendValueMinor!, 0);
  const cac = members.length > 0 ? spendMinor / members.length : null;
  const ltv = valued.length > 0 ? valueMinor / valued.length : null;
  return {
    acquired: members.length,
    spendMinor,
    cacMinor:
      members.length > 0
        ? Number(divideHalfEven(BigInt(spendMinor), BigInt(members.length)))
        : null,
    ltvMinor:
      valued.length > 0 ? Number(divideHalfEven(BigInt(valueMinor), BigInt(valued.length))) : null,
    ltvToCac: ltv !== null && cac !== null && cac > 0 ? round4(ltv / cac) : null,
    valuedMembers: valued.length,
  };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
