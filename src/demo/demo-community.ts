import { randomUUID } from 'node:crypto';
import { textHash } from '../feedback/feedback.service';
import { SeededRandom } from '../value/math';
import { FEEDBACK_TEXTS, FIRST_NAMES, LAST_NAMES, PRODUCTS, REVIEW_TEXTS } from './demo-names';

const DAY = 86_400_000;
// CDNOW's published fits, time in days (alpha in weeks × 7) and spend in dollars.
const BG_NBD = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
const EUR_PER_DOLLAR_SPEND = 2.5;

type Row = Record<string, unknown>;

export interface DemoCommunity {
  campaigns: Row[];
  members: Row[];
  identities: Row[];
  purchases: Row[];
  referrals: Row[];
  reviews: Row[];
  mentions: Row[];
  events: Row[];
  attendance: Row[];
  guests: Row[];
  feedback: Row[];
}

/**
 * A realistic community for the demo: purchases drawn from BG/NBD and Gamma-Gamma with the
 * CDNOW parameters (so the fitted model, not the fallback, runs), referral chains, reviews,
 * events with hosts and guests, mentions with skewed reach, and feedback. Deterministic per seed.
 */
export function generateDemoCommunity(memberCount: number, now: number, seed = 7): DemoCommunity {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.uniform() * items.length)];
  const community: DemoCommunity = {
    campaigns: [],
    members: [],
    identities: [],
    purchases: [],
    referrals: [],
    reviews: [],
    mentions: [],
    events: [],
    attendance: [],
    guests: [],
    feedback: [],
  };
  const start = now - 730 * DAY;
  const campaign = {
    id: randomUUID(),
    externalId: 'demo-search-2025',
    name: 'Search ads 2025',
    channel: 'paid-search',
    spendMinor: 1_500_000,
    currency: 'EUR',
    baseSpendMinor: 1_500_000,
    rate: '1',
    startsAt: start,
    endsAt: start + 365 * DAY,
    prospects: 60_000,
    createdAt: start,
    updatedAt: start,
  };
  community.campaigns.push(campaign);

  const firstOrders = new Map<string, Row>();
  const contents: { kind: 'review' | 'mention'; id: string; at: number; memberId: string }[] = [];
  for (let index = 0; index < memberCount; index += 1) {
    const id = randomUUID();
    const twin = duplicateOf(community.members, index, memberCount, random);
    const [first, last] = twin
      ? (twin.name as string).split(' ')
      : [pick(FIRST_NAMES), pick(LAST_NAMES)];
    // A growing community: more members joined lately, some in the last days.
    const acquiredAt = Math.min(
      now - DAY,
      start +
        Math.floor(730 * Math.sqrt(random.uniform())) * DAY +
        Math.floor(random.uniform() * DAY),
    );
    const referrer =
      index > 20 && random.uniform() < 0.15
        ? community.members[Math.floor(random.uniform() * index)]
        : undefined;
    const channel = referrer
      ? 'referral'
      : pick(['organic', 'organic', 'paid-search', 'social', 'event']);
    community.members.push({
      id,
      externalId: `demo-${index + 1}`,
      email: demoEmail(first, last, index, twin),
      emailNormalized: demoEmail(first, last, index, twin),
      name: `${first} ${last}`,
      referralCode: `${first.slice(0, 4).toUpperCase()}-D${(index + 1).toString(36).toUpperCase().padStart(5, '0')}`,
      acquiredAt,
      acquiredAtSource: 'firstPurchase',
      acquisitionChannel: channel,
      acquisitionCampaignId:
        channel === 'paid-search' && acquiredAt < campaign.endsAt ? campaign.id : null,
      profilingObjectionAt: null,
      mergedIntoId: null,
      createdAt: acquiredAt,
      updatedAt: acquiredAt,
    });
    // Purchases: the BG/NBD story from the first order to now, whole days.
    const rate = random.gamma(BG_NBD.r, BG_NBD.alpha);
    const dropOut = random.beta(BG_NBD.a, BG_NBD.b);
    const spendRate = random.gamma(GAMMA_GAMMA.q, GAMMA_GAMMA.gamma);
    for (let at = acquiredAt, n = 0; at <= now; n += 1) {
      const [product, category] = pick(PRODUCTS);
      const amount = Math.max(
        500,
        Math.round(random.gamma(GAMMA_GAMMA.p, spendRate) * 100 * EUR_PER_DOLLAR_SPEND),
      );
      const content =
        n > 0 || !referrer
          ? contents.filter(
              (item) => item.at <= at && at - item.at < 30 * DAY && item.memberId !== id,
            )
          : [];
      const cited = content.length && random.uniform() < 0.25 ? pick(content) : undefined;
      const purchase = {
        id: randomUUID(),
        externalId: `demo-order-${community.purchases.length + 1}`,
        memberId: id,
        kind: 'order',
        amountMinor: amount,
        currency: 'EUR',
        baseAmountMinor: amount,
        rate: '1',
        occurredAt: at,
        product,
        productCategory: category,
        refundOfId: null,
        attributionReferralCode: n === 0 && referrer ? referrer.referralCode : null,
        attributionReviewId: cited?.kind === 'review' ? cited.id : null,
        attributionMentionId: cited?.kind === 'mention' ? cited.id : null,
        attributionMentionUrl: null,
        attributionEventId: null,
        attributionCampaignId: null,
        createdAt: at,
      };
      community.purchases.push(purchase);
      if (n === 0) firstOrders.set(id, purchase);
      if (n > 0 && random.uniform() < dropOut) break;
      at += Math.max(1, Math.round(random.exponential(rate))) * DAY;
    }
    if (referrer) {
      const order = firstOrders.get(id)!;
      const flagged = random.uniform() < 0.05;
      community.referrals.push({
        id: randomUUID(),
        externalId: null,
        referrerId: referrer.id,
        refereeMemberId: id,
        refereeEmail: null,
        refereeEmailNormalized: null,
        code: referrer.referralCode,
        channel: pick(['email', 'whatsapp', 'link']),
        status: 'converted',
        rewardMinor: 1000,
        rewardCurrency: 'EUR',
        baseRewardMinor: 1000,
        rewardRate: '1',
        invitedAt: acquiredAt - 3 * DAY,
        signedUpAt: acquiredAt - DAY,
        convertedAt: order.occurredAt,
        convertingPurchaseId: order.id,
        voidedAt: null,
        approvedAt: null,
        rejectedAt: null,
        flags: flagged ? 'burst' : '',
        createdAt: acquiredAt,
        updatedAt: acquiredAt,
      });
    }
    // Social presence: a minority post, with heavily skewed reach.
    if (random.uniform() < 0.3) {
      const platform = pick(['instagram', 'instagram', 'tiktok', 'youtube', 'x']);
      const handle = `${first}${last}${index + 1}`.toLowerCase().replace(/[^a-z0-9]/g, '');
      community.identities.push({
        id: randomUUID(),
        memberId: id,
        platform,
        handle,
        handleNormalized: handle,
        createdAt: acquiredAt,
      });
      const posts = 1 + Math.floor(random.exponential(0.5));
      for (let post = 0; post < posts; post += 1) {
        const at = acquiredAt + Math.floor(random.uniform() * Math.max(1, now - acquiredAt));
        const reach = Math.round(Math.exp(6 + 2 * random.normal()));
        const mentionId = randomUUID();
        const url = `https://${platform}.example/p/${mentionId.slice(0, 12)}`;
        community.mentions.push({
          id: mentionId,
          externalId: null,
          platform,
          handle,
          handleNormalized: handle,
          memberId: id,
          url,
          urlNormalized: url,
          externalPostId: null,
          postedAt: at,
          reach,
          likes: Math.round(reach * 0.05),
          shares: Math.round(reach * 0.005),
          comments: Math.round(reach * 0.01),
          clicks: Math.round(reach * 0.02),
          sentiment: Math.round((random.uniform() * 1.6 - 0.5) * 100) / 100,
          createdAt: at,
          updatedAt: at,
        });
        contents.push({ kind: 'mention', id: mentionId, at, memberId: id });
      }
    }
    if (random.uniform() < 0.2) {
      const at =
        acquiredAt +
        10 * DAY +
        Math.floor(random.uniform() * Math.max(1, now - acquiredAt - 10 * DAY));
      if (at <= now) {
        const reviewId = randomUUID();
        const url = `https://reviews.example/r/${reviewId.slice(0, 12)}`;
        const [product] = pick(PRODUCTS);
        community.reviews.push({
          id: reviewId,
          externalId: null,
          memberId: id,
          product,
          rating: pick([3, 4, 4, 5, 5, 5]),
          title: 'Worth it',
          body: pick(REVIEW_TEXTS),
          platform: pick(['trustpilot', 'google', 'shop']),
          url,
          urlNormalized: url,
          publishedAt: at,
          views: Math.round(Math.exp(4 + 1.5 * random.normal())),
          helpfulVotes: Math.floor(random.uniform() * 20),
          verifiedPurchase: true,
          verifiedPurchaseSource: 'given',
          createdAt: at,
          updatedAt: at,
        });
        contents.push({ kind: 'review', id: reviewId, at, memberId: id });
      }
    }
    if (random.uniform() < 0.08) {
      const submittedAt = acquiredAt + Math.floor(random.uniform() * Math.max(1, now - acquiredAt));
      const stage = random.uniform();
      const feedbackText = pick(FEEDBACK_TEXTS);
      community.feedback.push({
        id: randomUUID(),
        externalId: null,
        memberId: id,
        kind: pick(['idea', 'bug', 'praise']),
        text: feedbackText,
        textHash: textHash(feedbackText),
        status:
          stage < 0.4
            ? 'submitted'
            : stage < 0.7
              ? 'accepted'
              : stage < 0.9
                ? 'shipped'
                : 'declined',
        submittedAt,
        acceptedAt: stage >= 0.4 && stage < 0.9 ? submittedAt + 7 * DAY : null,
        shippedAt: stage >= 0.7 && stage < 0.9 ? submittedAt + 40 * DAY : null,
        declinedAt: stage >= 0.9 ? submittedAt + 5 * DAY : null,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
    }
  }
  addEvents(community, random, start, now);
  return community;
}

/** About one member in a hundred signed up twice: the last ones are twins of earlier members. */
function duplicateOf(
  members: readonly Row[],
  index: number,
  memberCount: number,
  random: SeededRandom,
): Row | undefined {
  const twins = Math.min(12, Math.max(3, Math.floor(memberCount / 100)));
  if (index < memberCount - twins || index < 50) return undefined;
  return members[Math.floor(random.uniform() * (memberCount - twins))];
}

/**
 * `first.last.7@example.com`; a twin writes the earlier member's address without its dots,
 * which the merge suggestions take for one mailbox.
 */
function demoEmail(first: string, last: string, index: number, twin: Row | undefined): string {
  if (twin) return (twin.email as string).split('@')[0].replace(/\./g, '') + '@example.com';
  return `${first}.${last}.${index + 1}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
}

function addEvents(
  community: DemoCommunity,
  random: SeededRandom,
  start: number,
  now: number,
): void {
  const members = community.members;
  for (let index = 0; index < 12; index += 1) {
    // The last one a dozen days ago, so that the last 30 days have an event too.
    const startsAt = start + Math.floor(((index + 1) / 12.2) * (now - start));
    const event = {
      id: randomUUID(),
      externalId: `demo-event-${index + 1}`,
      name: `${['Trail', 'Summit', 'Gear'][index % 3]} meetup #${index + 1}`,
      kind: index % 3 === 0 ? 'online' : 'in-person',
      startsAt,
      endsAt: startsAt + 3 * 3_600_000,
      location: index % 3 === 0 ? null : ['Milan', 'Berlin', 'Lyon'][index % 3],
      costMinor: index % 3 === 0 ? 20_000 : 150_000,
      currency: 'EUR',
      baseCostMinor: index % 3 === 0 ? 20_000 : 150_000,
      rate: '1',
      createdAt: startsAt - 30 * DAY,
      updatedAt: startsAt - 30 * DAY,
    };
    community.events.push(event);
    const eligible = members.filter((member) => (member.acquiredAt as number) < startsAt);
    const seen = new Set<string>();
    const count = Math.min(eligible.length, 15 + Math.floor(random.uniform() * 25));
    for (let slot = 0; slot < count; slot += 1) {
      const member = eligible[Math.floor(random.uniform() * eligible.length)];
      if (seen.has(member.id as string)) continue;
      seen.add(member.id as string);
      const attendanceId = randomUUID();
      const attended = random.uniform() < 0.8;
      community.attendance.push({
        id: attendanceId,
        externalId: null,
        eventId: event.id,
        memberId: member.id,
        email: null,
        emailNormalized: null,
        role: slot === 0 ? 'host' : slot < 3 ? 'speaker' : 'attendee',
        status: attended ? 'attended' : 'no-show',
        registeredAt: startsAt - 7 * DAY,
        attendedAt: attended ? startsAt : null,
        noShowAt: attended ? null : startsAt,
        createdAt: startsAt - 7 * DAY,
        updatedAt: startsAt,
      });
      // Guests: members acquired right after the event, brought by an attendee.
      if (attended && random.uniform() < 0.2) {
        const guest = members.find(
          (candidate) =>
            !seen.has(candidate.id as string) &&
            (candidate.acquiredAt as number) > startsAt &&
            (candidate.acquiredAt as number) - startsAt < 20 * DAY &&
            candidate.acquisitionChannel === 'event',
        );
        if (guest) {
          seen.add(guest.id as string);
          community.guests.push({
            id: randomUUID(),
            attendanceId,
            eventId: event.id,
            guestMemberId: guest.id,
            guestEmail: guest.email,
            guestEmailNormalized: guest.emailNormalized,
            createdAt: startsAt,
          });
        }
      }
    }
  }
}
