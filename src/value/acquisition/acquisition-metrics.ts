import { divideHalfEven, roundMinor } from '../../common/money/money';
import { brandFactors } from '../engine/simple-factors';
import { SpendSummary } from '../engine/value-types';
import { CostedMember, EventCostFacts, acquisitionCosts } from './acquisition-costs';
import { FactorCoefficients, PurchaseMeasures, purchaseMeasures } from './acquisition-measures';
import { AcquiredMember, AcquiredVia, COMMUNITY, channelRow } from './acquisition-source';
import { Period, campaignDaysInPeriod, proratedSpend } from './campaign-days';

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

export interface AcquisitionInputs {
  /**
   * Members acquired in the period, and every member a campaign or an event acquired whenever
   * (their cost is shared by all of them).
   */
  members: AcquiredMember[];
  campaigns: CampaignFacts[];
  events: EventCostFacts[];
  community: CommunityCosts;
  /** Repeat-buying summaries to now of every buyer: the brand's factors and the members'. */
  summaries: SpendSummary[];
}

export interface AcquisitionOptions {
  /** value.targetLtvCacRatio: the maximum affordable CAC is LTV over it. */
  targetLtvCacRatio: number;
  factors: FactorCoefficients;
}

/** What the members of one row acquired in the period cost and are worth. */
export interface UnitEconomics {
  acquired: number;
  membersWithKnownCost: number;
  membersWithUnknownCost: number;
  /** Mean cost of the members whose cost is known, rounded once; null when none is known. */
  cacMinor: number | null;
  /** False when members were acquired and none of them has a known cost. */
  costKnown: boolean;
  /** Mean spend value of the valued members. */
  ltvMinor: number | null;
  valuedMembers: number;
  /** Mean spend value of the valued members whose cost is known: the ratio's numerator. */
  ltvWithKnownCostMinor: number | null;
  /** ltvWithKnownCost / CAC (4 decimals); null unless both are known and CAC > 0. */
  ltvToCac: number | null;
  /** LTV / targetLtvCacRatio. */
  maxAffordableCacMinor: number | null;
}

export interface GroupMetrics extends UnitEconomics {
  /** Spend recorded in the period (campaigns pro-rated, rewards, event costs). */
  spendInWindowMinor: number;
  measures: PurchaseMeasures;
}

export interface ChannelMetrics extends GroupMetrics {
  channel: string;
  costs: { campaignsMinor: number; referralRewardsMinor: number; eventCostsMinor: number };
  via: Record<Exclude<AcquiredVia, 'none'>, number>;
}

export interface CampaignMetrics extends UnitEconomics {
  campaign: CampaignFacts;
  /** The channel row the campaign's spend and members count in. */
  channel: string;
  /** The campaign's spend pro-rated to its days in the period. */
  spendInWindowMinor: number;
  /** Members the campaign acquired whenever (its CAC's divisor). */
  acquiredAllTime: number;
  /** (value of converted prospects − the campaign's whole spend) / prospects reached. */
  prospectLifetimeValueMinor: number | null;
}

export interface AcquisitionMetrics {
  overall: GroupMetrics;
  channels: ChannelMetrics[];
  campaigns: CampaignMetrics[];
}

/**
 * CAC, LTV and LTV/CAC per acquisition channel and campaign for the members acquired in the
 * period, with the seeds' purchase measures. A member's cost is known only where something paid
 * for it (acquisition-costs.ts); unknown costs stay out of every average and ratio.
 */
export function computeAcquisitionMetrics(
  inputs: AcquisitionInputs,
  period: Period,
  options: AcquisitionOptions,
): AcquisitionMetrics {
  const costs = acquisitionCosts(inputs.members, inputs.campaigns, inputs.events);
  const inPeriod = costs.members.filter(
    (member) => member.acquiredAt >= period.from && member.acquiredAt < period.to,
  );
  const summaryOf = new Map(inputs.summaries.map((summary) => [summary.memberId, summary]));
  const brand = brandFactors(inputs.summaries, options.factors);
  const measuresOf = (members: readonly CostedMember[]) =>
    purchaseMeasures(
      members.flatMap((member) => summaryOf.get(member.memberId) ?? []),
      brand,
      options.factors,
    );

  const channels = new Map<string, { members: CostedMember[]; campaignsMinor: number }>();
  const channelOf = (name: string) => {
    let channel = channels.get(name);
    if (!channel) channels.set(name, (channel = { members: [], campaignsMinor: 0 }));
    return channel;
  };
  channelOf(COMMUNITY);
  const byCampaign = new Map<string, CostedMember[]>();
  for (const member of inPeriod) {
    channelOf(member.source.channel).members.push(member);
    const { campaignId } = member.source;
    if (campaignId) byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), member]);
  }

  const listed = inputs.campaigns.filter(
    (campaign) => campaignDaysInPeriod(campaign, period).overlap > 0 || byCampaign.has(campaign.id),
  );
  const campaignRows = listed.map((campaign): CampaignMetrics => {
    const spendInWindowMinor = proratedSpend(campaign, period);
    const channel = channelRow(campaign.channel);
    channelOf(channel).campaignsMinor += spendInWindowMinor;
    const cac = costs.campaignCac(campaign);
    const members = byCampaign.get(campaign.id) ?? [];
    return {
      campaign,
      channel,
      spendInWindowMinor,
      acquiredAllTime: costs.campaignMembers.get(campaign.id) ?? 0,
      // The campaign's CAC holds whether or not it acquired anyone in this period.
      ...unitEconomics(members, options.targetLtvCacRatio),
      cacMinor: cac === null ? null : roundMinor(cac),
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
    const costsInWindow = {
      campaignsMinor: channel.campaignsMinor,
      referralRewardsMinor: isCommunity ? inputs.community.referralRewardsMinor : 0,
      eventCostsMinor: isCommunity ? inputs.community.eventCostsMinor : 0,
    };
    const via = { referral: 0, eventGuest: 0, campaign: 0, label: 0 };
    for (const member of channel.members)
      if (member.source.via !== 'none') via[member.source.via] += 1;
    return {
      channel: name,
      ...unitEconomics(channel.members, options.targetLtvCacRatio),
      spendInWindowMinor:
        costsInWindow.campaignsMinor +
        costsInWindow.referralRewardsMinor +
        costsInWindow.eventCostsMinor,
      measures: measuresOf(channel.members),
      costs: costsInWindow,
      via,
    };
  });
  const shown = channelRows
    .filter((row) => row.channel === COMMUNITY || row.acquired > 0 || row.spendInWindowMinor > 0)
    .sort((left, right) => left.channel.localeCompare(right.channel));
  return {
    overall: {
      ...unitEconomics(inPeriod, options.targetLtvCacRatio),
      spendInWindowMinor: shown.reduce((total, row) => total + row.spendInWindowMinor, 0),
      measures: measuresOf(inPeriod),
    },
    channels: shown,
    campaigns: campaignRows,
  };
}

/**
 * CAC = mean cost of the members whose cost is known; LTV = mean spend value of those valued;
 * LTV/CAC only over members whose cost is known. Each amount is rounded once, half-even.
 */
export function unitEconomics(
  members: readonly CostedMember[],
  targetLtvCacRatio: number,
): UnitEconomics {
  let knownCost = 0;
  let costMinor = 0;
  let valued = 0;
  let valueMinor = 0;
  let valuedWithKnownCost = 0;
  let valueWithKnownCostMinor = 0;
  for (const member of members) {
    if (member.costMinor !== null) {
      knownCost += 1;
      costMinor += member.costMinor;
    }
    if (member.spendValueMinor === null) continue;
    valued += 1;
    valueMinor += member.spendValueMinor;
    if (member.costMinor === null) continue;
    valuedWithKnownCost += 1;
    valueWithKnownCostMinor += member.spendValueMinor;
  }
  const cac = knownCost > 0 ? costMinor / knownCost : null;
  const ltvWithKnownCost =
    valuedWithKnownCost > 0 ? valueWithKnownCostMinor / valuedWithKnownCost : null;
  const ltvMinor = valued > 0 ? meanMinor(valueMinor, valued) : null;
  return {
    acquired: members.length,
    membersWithKnownCost: knownCost,
    membersWithUnknownCost: members.length - knownCost,
    cacMinor: cac === null ? null : roundMinor(cac),
    costKnown: members.length === 0 || knownCost > 0,
    ltvMinor,
    valuedMembers: valued,
    ltvWithKnownCostMinor:
      valuedWithKnownCost > 0 ? meanMinor(valueWithKnownCostMinor, valuedWithKnownCost) : null,
    ltvToCac:
      ltvWithKnownCost !== null && cac !== null && cac > 0 ? round4(ltvWithKnownCost / cac) : null,
    maxAffordableCacMinor: valued > 0 ? roundMinor(valueMinor / valued / targetLtvCacRatio) : null,
  };
}

function meanMinor(totalMinor: number, count: number): number {
  return Number(divideHalfEven(BigInt(totalMinor), BigInt(count)));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
