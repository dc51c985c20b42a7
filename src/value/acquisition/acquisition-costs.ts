import { AcquiredMember, AcquisitionSource, acquisitionSource } from './acquisition-source';

export interface CampaignCostFacts {
  id: string;
  /** The whole recorded spend of the campaign. */
  baseSpendMinor: number;
}

export interface EventCostFacts {
  id: string;
  baseCostMinor: number;
}

/** A member with where they count and what acquiring them cost. */
export interface CostedMember extends AcquiredMember {
  source: AcquisitionSource;
  /**
   * Exact (not rounded) cost of acquiring the member: the referral's reward, the event's cost
   * over the guests it acquired, the campaign's whole spend over the members it acquired.
   * Null when nothing paid is recorded for how they came (a channel label alone, nothing).
   */
  costMinor: number | null;
}

export interface AcquisitionCosts {
  members: CostedMember[];
  /** Members each campaign acquired (counted where they count), whenever acquired. */
  campaignMembers: ReadonlyMap<string, number>;
  /** Guests each event acquired (counted where they count), whenever acquired. */
  eventGuests: ReadonlyMap<string, number>;
  /** The campaign's whole spend over the members it acquired; null when it acquired nobody. */
  campaignCac(campaign: CampaignCostFacts): number | null;
}

/**
 * Costs every member once, after the precedence of acquisitionSource. `members` must hold every
 * member a campaign or an event acquired, whenever, so that a campaign's and an event's cost is
 * shared by all the members it brought, not only by those of one window.
 */
export function acquisitionCosts(
  members: readonly AcquiredMember[],
  campaigns: readonly CampaignCostFacts[],
  events: readonly EventCostFacts[],
): AcquisitionCosts {
  const sourced = members.map((member) => ({ member, source: acquisitionSource(member) }));
  const campaignMembers = new Map<string, number>();
  const eventGuests = new Map<string, number>();
  for (const { source } of sourced) {
    if (source.campaignId) increment(campaignMembers, source.campaignId);
    if (source.eventId) increment(eventGuests, source.eventId);
  }
  const campaignCac = (campaign: CampaignCostFacts) => {
    const acquired = campaignMembers.get(campaign.id) ?? 0;
    return acquired > 0 ? campaign.baseSpendMinor / acquired : null;
  };
  const campaignById = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
  const eventById = new Map(events.map((event) => [event.id, event]));
  const costOf = (member: AcquiredMember, source: AcquisitionSource): number | null => {
    switch (source.via) {
      case 'referral':
        return member.referralRewardMinor;
      case 'eventGuest': {
        const event = source.eventId ? eventById.get(source.eventId) : undefined;
        return event ? event.baseCostMinor / eventGuests.get(event.id)! : null;
      }
      case 'campaign': {
        const campaign = source.campaignId ? campaignById.get(source.campaignId) : undefined;
        return campaign ? campaignCac(campaign) : null;
      }
      default:
        return null;
    }
  };
  return {
    members: sourced.map(({ member, source }) => ({
      ...member,
      source,
      costMinor: costOf(member, source),
    })),
    campaignMembers,
    eventGuests,
    campaignCac,
  };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
