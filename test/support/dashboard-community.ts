import { TestApp } from './test-app';
import {
  buildCampaign,
  buildMention,
  buildReview,
  createMember,
  createPurchase,
  createReferral,
} from './factories';

const DAY_MS = 86_400_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** A review body and a name that would run script if the dashboard ever parsed data as HTML. */
export const HOSTILE_REVIEW_BODY = '<img src=x onerror="window.__xss=1">';
export const HOSTILE_REVIEW_TITLE = '<script>window.__xss=3</script>Loved it';
export const HOSTILE_NAME = '<img src=y onerror="window.__xss=2">Eve';

export interface DashboardCommunity {
  ada: Record<string, any>;
  grace: Record<string, any>;
  eve: Record<string, any>;
  flaggedReferralId: string;
}

/**
 * A small community seeded through the API: buyers, a referral chain ada → grace → linus, a
 * flagged look-alike referral, a hostile review, an attributed mention, a campaign, two
 * likely duplicates, and two recomputes (one backdated) so that there is value history.
 */
export async function seedDashboardCommunity(test: TestApp): Promise<DashboardCommunity> {
  const as = test.keys.manager;
  const send = async (path: string, body: object, status = 201) => {
    const response = await test.http().post(path).set('Authorization', as).send(body);
    if (response.status !== status) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const campaign = await send(
    '/api/v1/campaigns',
    buildCampaign({
      name: 'Autumn search ads',
      startsAt: daysAgo(200).slice(0, 10),
      endsAt: daysAgo(5).slice(0, 10),
      spend: '1200.00',
      prospects: 4000,
    }),
  );
  const ada = await createMember(test, {
    name: 'Ada Lovelace',
    email: 'ada@analytical.example',
    tags: ['vip', 'early'],
    acquisitionChannel: 'organic',
    acquiredAt: daysAgo(420),
  });
  const grace = await createMember(test, {
    name: 'Grace Hopper',
    email: 'grace@navy.example',
    tags: ['speaker'],
  });
  const linus = await createMember(test, { name: 'Linus Torvalds', email: 'linus@kernel.example' });
  const tim = await createMember(test, {
    name: 'Tim Berners-Lee',
    email: 'tim@web.example',
    acquisitionCampaignId: campaign.id,
    acquisitionChannel: 'paid-search',
  });
  const eve = await createMember(test, { name: HOSTILE_NAME, email: 'eve@example.com' });
  const margaret = await createMember(test, {
    name: 'Margaret Hamilton',
    email: 'margaret@apollo.example',
  });
  const maggie = await createMember(test, {
    name: 'Maggie Hamilton',
    email: 'margaret1@apollo.example',
  });
  await createMember(test, { name: 'Jo Doe', email: 'jo.doe@gmail.example' });
  await createMember(test, { name: 'Jo Doe', email: 'jodoe+shop@gmail.example' });
  await send(`/api/v1/members/${ada.id}/identities`, { platform: 'instagram', handle: 'ada' });

  for (const [days, amount] of [
    [300, '120.00'],
    [120, '80.00'],
    [20, '95.50'],
  ] as const) {
    await createPurchase(test, {
      memberId: ada.id,
      amount,
      occurredAt: daysAgo(days),
      product: 'Trail shoes',
    });
  }
  await createReferral(test, {
    referrerId: ada.id,
    refereeId: grace.id,
    invitedAt: daysAgo(100),
    rewardCost: '10.00',
    rewardCurrency: 'EUR',
  });
  await createPurchase(test, { memberId: grace.id, amount: '150.00', occurredAt: daysAgo(60) });
  await createPurchase(test, { memberId: grace.id, amount: '60.00', occurredAt: daysAgo(15) });
  await createReferral(test, {
    referrerId: grace.id,
    refereeId: linus.id,
    invitedAt: daysAgo(50),
    rewardCost: '10.00',
    rewardCurrency: 'EUR',
  });
  await createPurchase(test, { memberId: linus.id, amount: '70.00', occurredAt: daysAgo(30) });
  const flagged = await createReferral(test, {
    referrerId: margaret.id,
    refereeId: maggie.id,
    invitedAt: daysAgo(12),
  });
  if (!flagged.awaitingApproval)
    throw new Error(`the look-alike referral was not flagged: ${JSON.stringify(flagged)}`);

  await send(
    '/api/v1/reviews',
    buildReview({
      memberId: ada.id,
      title: HOSTILE_REVIEW_TITLE,
      body: HOSTILE_REVIEW_BODY,
      publishedAt: daysAgo(45),
      views: 800,
    }),
  );
  const mention = await send(
    '/api/v1/mentions',
    buildMention({ platform: 'instagram', handle: 'ada', reach: 5000, postedAt: daysAgo(25) }),
  );
  await createPurchase(test, {
    memberId: tim.id,
    amount: '200.00',
    occurredAt: daysAgo(18),
    attribution: { mentionId: mention.id },
  });
  await createPurchase(test, { memberId: eve.id, amount: '35.00', occurredAt: daysAgo(40) });
  await createPurchase(test, { memberId: margaret.id, amount: '42.00', occurredAt: daysAgo(200) });

  await send('/api/v1/value/recompute', { asOf: daysAgo(40).slice(0, 10) }, 200);
  await send('/api/v1/value/recompute', {}, 200);
  return { ada, grace, eve, flaggedReferralId: flagged.id };
}
