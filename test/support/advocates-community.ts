import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { buildReview, createEvent, createMember, createMention, createPurchase } from './factories';
import { TestApp } from './test-app';

/**
 * Settings for the hand-built community: half-life 30 days, round weights, four tiers, the
 * top half of influencers as the "decile" (so that the spend rule decides), and modeled
 * influence only on instagram. `advocates` replaces those settings by name (tiers, atRiskPAlive).
 */
export function writeAdvocatesConfig(advocates: Record<string, unknown> = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'halo-advocates-')), 'halo.json');
  writeFileSync(
    file,
    JSON.stringify({
      value: {
        influence: {
          conversionPerReach: {
            default: 0,
            instagram: 0.001,
            tiktok: 0,
            youtube: 0,
            x: 0,
            blog: 0,
            // Reviews' platforms fall to default (0): no modeled influence from reviews.
            event: 0,
          },
        },
      },
      advocates: {
        engagement: {
          halfLifeDays: 30,
          weights: {
            purchase: 1,
            referral_invited: 0,
            referral_converted: 8,
            review: 5,
            mention: 2,
            event_attended: 4,
            event_spoke: 0,
            event_hosted: 10,
            event_volunteered: 0,
            feedback_submitted: 0,
            feedback_accepted: 3,
            feedback_shipped: 6,
          },
        },
        tiers: [
          {
            name: 'Champion',
            minExtendedValue: '300.00',
            minInfluence: '20.00',
            minEngagement: 8,
            maxRecencyDays: 30,
          },
          { name: 'Advocate', minExtendedValue: '100.00', minEngagement: 3 },
          { name: 'Promoter', minEngagement: 1 },
          { name: 'Customer' },
        ],
        atRiskPAlive: 0.3,
        hiddenGemsDecile: 0.5,
        ...advocates,
      },
    }),
  );
  return file;
}

export type CommunityIds = Record<string, string>;

/**
 * The community, with snapshots as of 2026-05-01 (start of the period) and 2026-06-01 (end).
 * Tiers at 2026-06-01 (engagement by hand in the spec): Champion champ, newbie; Promoter
 * dormant, gem, riser, fader, longgone, poster; Customer the five buyers and nobody.
 */
export async function buildAdvocatesCommunity(test: TestApp): Promise<CommunityIds> {
  const ids: CommunityIds = {};
  const manager = test.keys.manager;
  const post = async (path: string, body: object) => {
    const response = await test.http().post(path).set('Authorization', manager).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const people: [string, Record<string, unknown>][] = [
    ['champ', { name: 'Cara Champion', tags: ['vip'], acquisitionChannel: 'events' }],
    ['newbie', { name: 'Nina Newbie', acquisitionChannel: 'referral' }],
    ['gem', { name: 'Gus Gem', tags: ['vip'] }],
    ['riser', { name: 'Rita Riser', acquisitionChannel: 'referral' }],
    ['fader', { name: 'Fred Fader' }],
    ['dormant', { name: 'Dora Dormant' }],
    ['longgone', { name: 'Lars Longgone' }],
    ['poster', { name: 'Paula Poster' }],
    ['nobody', { name: 'Nora Nobody' }],
    ['objector', { name: 'Otto Objector', profilingObjection: true }],
    ['ghost', { name: 'Gina Ghost' }],
    ['x1', { name: '=HYPERLINK("http://evil.example","x")' }],
    ['x2', { name: '+1' }],
    ['x3', { name: '-2' }],
    ['x4', { name: '@x' }],
    ['x5', { name: 'Xena Buyer' }],
  ];
  for (const [key, overrides] of people) ids[key] = (await createMember(test, overrides)).id;

  const order = (member: string, amount: string, occurredAt: string, extra: object = {}) =>
    createPurchase(test, { memberId: ids[member], amount, occurredAt, ...extra });
  const review = async (member: string, publishedAt: string) =>
    (await post('/api/v1/reviews', buildReview({ memberId: ids[member], views: 0, publishedAt })))
      .id as string;
  const host = async (member: string, startsAt: string) => {
    const event = await createEvent(test, { startsAt });
    await post(`/api/v1/events/${event.id}/attendance`, {
      memberId: ids[member],
      role: 'host',
      status: 'attended',
    });
  };
  const identity = (member: string, platform: string, handle: string) =>
    post(`/api/v1/members/${ids[member]}/identities`, { platform, handle });

  await identity('gem', 'instagram', '@gus');
  await identity('poster', 'instagram', '@paula');
  await identity('riser', 'tiktok', '@rita');

  await order('champ', '200.00', '2026-01-10T00:00:00Z');
  await order('champ', '200.00', '2026-03-10T00:00:00Z');
  await order('champ', '200.00', '2026-05-20T00:00:00Z');
  const champReview = await review('champ', '2026-04-20T00:00:00Z');
  await host('champ', '2026-04-25T18:00:00Z');
  await host('champ', '2026-05-25T18:00:00Z');
  await order('x1', '150.00', '2026-04-25T00:00:00Z', { attribution: { reviewId: champReview } });

  await order('newbie', '300.00', '2026-05-05T00:00:00Z');
  const newbieReview = await review('newbie', '2026-05-10T00:00:00Z');
  await host('newbie', '2026-05-28T18:00:00Z');
  await order('x2', '100.00', '2026-05-15T00:00:00Z', { attribution: { reviewId: newbieReview } });

  await order('gem', '10.00', '2026-02-01T00:00:00Z');
  const gemMention = await createMention(test, {
    platform: 'instagram',
    handle: '@gus',
    reach: 0,
    postedAt: '2026-05-02T00:00:00Z',
  });
  await order('x3', '300.00', '2026-05-10T00:00:00Z', {
    attribution: { mentionId: gemMention.id },
  });
  await order('x4', '200.00', '2026-05-10T00:00:00Z', {
    attribution: { mentionId: gemMention.id },
  });

  await order('riser', '20.00', '2026-01-15T00:00:00Z');
  const riserReview = await review('riser', '2026-05-20T00:00:00Z');
  await order('x5', '50.00', '2026-05-22T00:00:00Z', { attribution: { reviewId: riserReview } });

  await order('fader', '80.00', '2026-04-05T00:00:00Z');
  await review('fader', '2026-04-15T00:00:00Z');
  await order('dormant', '60.00', '2026-05-15T00:00:00Z');
  await review('dormant', '2026-05-16T00:00:00Z');
  await order('longgone', '50.00', '2026-01-05T00:00:00Z');
  await host('longgone', '2026-03-15T00:00:00Z');
  await createMention(test, {
    platform: 'instagram',
    handle: '@paula',
    reach: 200,
    postedAt: '2026-05-12T00:00:00Z',
  });
  await order('objector', '1000.00', '2026-05-01T12:00:00Z');
  await order('objector', '1000.00', '2026-05-02T00:00:00Z');
  await order('ghost', '500.00', '2026-04-01T00:00:00Z');

  for (const asOf of ['2026-05-01', '2026-06-01']) {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', manager)
      .send({ asOf });
    if (run.body.status !== 'succeeded') throw new Error(`recompute: ${JSON.stringify(run.body)}`);
  }
  // P(alive) comes from BG/NBD, which needs more repeat buyers than this community has.
  const snapshots = test.app.get(DataSource).getRepository(ValueSnapshot);
  await snapshots.update({ memberId: ids.dormant, asOfDate: '2026-06-01' }, { pAlive: 0.1 });
  await snapshots.update({ memberId: ids.gem, asOfDate: '2026-06-01' }, { pAlive: 0.5 });
  // Merged after the run: the pointer must not rank.
  await test
    .http()
    .post(`/api/v1/members/${ids.longgone}/merge`)
    .set('Authorization', manager)
    .send({ otherMemberId: ids.ghost })
    .expect(200);
  // The merge deleted the pointer's snapshots; give it one back (as a run racing the merge
  // could leave) so that the ranking's own exclusion of merged members is what keeps it out.
  const champ = await snapshots.findOneByOrFail({ memberId: ids.champ, asOfDate: '2026-06-01' });
  await snapshots.insert({ ...champ, id: randomUUID(), memberId: ids.ghost });
  return ids;
}
