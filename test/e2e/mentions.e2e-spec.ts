import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ImportRegistry } from '../../src/imports/import-registry';
import { Mention } from '../../src/mentions/mention.entity';
import { TestApp, createTestApp } from '../support/test-app';
import {
  buildMention,
  buildPurchase,
  createMember,
  createMention,
  createPurchase,
} from '../support/factories';

describe('mentions', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const post = (body: Record<string, unknown>) =>
    test.http().post('/api/v1/mentions').set('Authorization', test.keys.manager).send(body);
  const list = async (query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get('/api/v1/mentions')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;
  const getMention = (id: string) =>
    test.http().get(`/api/v1/mentions/${id}`).set('Authorization', test.keys.viewer);
  const addIdentity = (memberId: string, platform: string, handle: string) =>
    test
      .http()
      .post(`/api/v1/members/${memberId}/identities`)
      .set('Authorization', test.keys.manager)
      .send({ platform, handle })
      .expect(201);

  it('records a mention and reads it back; a viewer may not write', async () => {
    const body = buildMention({ handle: '@Ada_Runs', externalId: 'bw-1' });
    const created = await post(body).expect(201);
    expect(created.body).toMatchObject({
      externalId: 'bw-1',
      platform: 'instagram',
      handle: 'Ada_Runs',
      memberId: null,
      reach: 1000,
      likes: 50,
      shares: 3,
      comments: 7,
      clicks: 20,
      sentiment: 0.5,
      postedAt: '2026-02-01T09:00:00.000Z',
    });
    const read = await getMention(created.body.id).expect(200);
    expect(read.body).toEqual(created.body);
    await test
      .http()
      .post('/api/v1/mentions')
      .set('Authorization', test.keys.viewer)
      .send(buildMention())
      .expect(403);
  });

  it('is one mention for every variant of its url', async () => {
    const first = await createMention(test, { url: 'https://instagram.com/p/Variant1' });
    for (const url of [
      'https://INSTAGRAM.COM/p/Variant1',
      'https://instagram.com/p/Variant1/',
      'https://instagram.com/p/Variant1#comments',
      'https://instagram.com/p/Variant1?utm_source=newsletter&utm_medium=email',
      'https://Instagram.com/p/Variant1/?utm_campaign=x#top',
    ]) {
      const again = await post({ ...buildMention(), handle: first.handle, url }).expect(200);
      expect(again.body.id).toBe(first.id);
    }
    const stored = await list({ handle: first.handle });
    expect(stored.total).toBe(1);
    expect(stored.items[0].url).toBe('https://instagram.com/p/Variant1');
    // The path keeps its case: another post.
    await post({
      ...buildMention(),
      handle: first.handle,
      url: 'https://instagram.com/p/variant1',
    }).expect(201);
  });

  it('is one mention for the same platform and externalPostId, whatever the url', async () => {
    const first = await createMention(test, { externalPostId: 'post-77' });
    const again = await post(
      buildMention({
        handle: first.handle,
        externalPostId: 'post-77',
        url: 'https://instagram.com/reel/post-77-alias',
        likes: 51,
      }),
    ).expect(200);
    expect(again.body).toMatchObject({ id: first.id, url: first.url, likes: 51 });
    expect((await list({ handle: first.handle })).total).toBe(1);
    const otherPlatform = await post(
      buildMention({ platform: 'tiktok', handle: first.handle, externalPostId: 'post-77' }),
    ).expect(201);
    expect(otherPlatform.body.id).not.toBe(first.id);
  });

  it('updates changed counters, is unchanged for the same content, refuses other changes', async () => {
    const body = buildMention();
    const first = await post(body).expect(201);
    const same = await post(body).expect(200);
    expect(same.body).toEqual(first.body);
    const counted = await post({ ...body, reach: 5000, likes: 80, clicks: 31 }).expect(200);
    expect(counted.body).toMatchObject({ id: first.body.id, reach: 5000, likes: 80, clicks: 31 });
    expect(counted.body.updatedAt >= first.body.updatedAt).toBe(true);
    expect((await getMention(first.body.id)).body.reach).toBe(5000);
    const lessSent = { ...body };
    delete lessSent.shares;
    expect((await post(lessSent).expect(200)).body.shares).toBe(3);

    const otherHandle = await post({ ...body, handle: '@someone_else' }).expect(409);
    expect(otherHandle.body).toMatchObject({
      code: 'MENTION_EXISTS',
      details: [expect.objectContaining({ field: 'handle' })],
    });
    const otherSentiment = await post({ ...body, sentiment: -0.9 }).expect(409);
    expect(otherSentiment.body.details[0].field).toBe('sentiment');
    const otherDate = await post({ ...body, postedAt: '2026-02-02T09:00:00Z' }).expect(409);
    expect(otherDate.body.details[0].field).toBe('postedAt');
    expect((await getMention(first.body.id)).body.sentiment).toBe(0.5);
  });

  it('refuses keys that name two different mentions', async () => {
    const one = await createMention(test, { externalPostId: 'k-1' });
    const two = await createMention(test);
    const response = await post(
      buildMention({ handle: one.handle, externalPostId: 'k-1', url: two.url }),
    ).expect(409);
    expect(response.body.code).toBe('MENTION_KEYS_DISAGREE');
  });

  it('links a mention by handle, ignoring case, and retroactively when the identity arrives', async () => {
    const known = await createMember(test);
    await addIdentity(known.id, 'instagram', '@KnownFan');
    const linked = await createMention(test, { handle: 'knownfan' });
    expect(linked.memberId).toBe(known.id);

    const waiting = await createMention(test, { handle: '@LateFan', platform: 'Instagram' });
    const elsewhere = await createMention(test, { handle: 'latefan', platform: 'tiktok' });
    expect(waiting.memberId).toBeNull();
    const unlinkedBefore = await list({ unlinked: 'true', handle: 'latefan' });
    expect(unlinkedBefore.total).toBe(2);

    const late = await createMember(test);
    await addIdentity(late.id, 'instagram', 'LATEFAN');
    expect((await getMention(waiting.id)).body.memberId).toBe(late.id);
    expect((await getMention(elsewhere.id)).body.memberId).toBeNull();
    const unlinkedAfter = await list({ unlinked: 'true', handle: 'latefan' });
    expect(unlinkedAfter.items.map((item: any) => item.id)).toEqual([elsewhere.id]);
    expect((await list({ memberId: late.id })).items.map((item: any) => item.id)).toEqual([
      waiting.id,
    ]);
  });

  it('takes an explicitly named member, but not against the identity of another', async () => {
    const named = await createMember(test);
    const mention = await post(
      buildMention({ handle: 'no-identity-yet', memberExternalId: named.externalId }),
    ).expect(201);
    expect(mention.body.memberId).toBe(named.id);
    const owner = await createMember(test);
    await addIdentity(owner.id, 'instagram', 'owned_handle');
    const refused = await post(buildMention({ handle: 'owned_handle', memberId: named.id })).expect(
      422,
    );
    expect(refused.body.details[0]).toMatchObject({ field: 'handle', code: 'otherMember' });
    const unknown = await post(buildMention({ memberEmail: 'nobody@example.com' })).expect(422);
    expect(unknown.body.details[0].field).toBe('memberEmail');
  });

  it.each([
    ['reach', { reach: -1 }],
    ['reach', { reach: 1.5 }],
    ['reach', { reach: null }],
    ['likes', { likes: '12' }],
    ['sentiment', { sentiment: 2 }],
    ['sentiment', { sentiment: -1.01 }],
    ['url', { url: 'not a url' }],
    ['url', { url: 'ftp://example.com/post' }],
    ['postedAt', { postedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }],
    ['postedAt', { postedAt: '2026-02-30' }],
    ['handle', { handle: '' }],
    ['platform', { platform: 'has space' }],
    ['colour', { colour: 'red' }],
  ])('refuses bad %s and stores nothing', async (field, override) => {
    const before = (await list()).total;
    const response = await post(buildMention(override)).expect(400);
    expect(response.body.details.map((detail: any) => detail.field)).toContain(field);
    expect((await list()).total).toBe(before);
  });

  it('accepts the limits of the ranges', async () => {
    const edge = await post(buildMention({ reach: 0, sentiment: -1 })).expect(201);
    expect(edge.body).toMatchObject({ reach: 0, sentiment: -1 });
    const bare = await post({
      platform: 'x',
      handle: 'bare',
      url: 'https://x.com/bare/status/1',
      postedAt: '2026-01-01',
    }).expect(201);
    expect(bare.body).toMatchObject({ reach: 0, likes: 0, sentiment: null });
  });

  it('changes counters and sentiment with PATCH, and deletes', async () => {
    const mention = await createMention(test);
    const patch = (body: Record<string, unknown>) =>
      test
        .http()
        .patch(`/api/v1/mentions/${mention.id}`)
        .set('Authorization', test.keys.manager)
        .send(body);
    const patched = await patch({ likes: 99, sentiment: null }).expect(200);
    expect(patched.body).toMatchObject({ likes: 99, sentiment: null, reach: 1000 });
    expect((await patch({ reach: -1 }).expect(400)).body.details[0].field).toBe('reach');
    expect((await patch({ url: 'https://x.com/1' }).expect(400)).body.details[0]).toMatchObject({
      field: 'url',
      code: 'unknownField',
    });
    await test
      .http()
      .delete(`/api/v1/mentions/${mention.id}`)
      .set('Authorization', test.keys.manager)
      .expect(204);
    await getMention(mention.id).expect(404);
    await test
      .http()
      .delete(`/api/v1/mentions/${mention.id}`)
      .set('Authorization', test.keys.manager)
      .expect(404);
  });

  it('filters and pages', async () => {
    const handle = 'pager';
    const ids: string[] = [];
    for (let day = 1; day <= 5; day += 1) {
      const mention = await createMention(test, {
        platform: 'youtube',
        handle,
        postedAt: `2025-06-0${day}T12:00:00Z`,
        reach: day * 100,
      });
      ids.push(mention.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ platform: 'YouTube', handle: '@PAGER', limit: 2, cursor });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((item: any) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const ranged = await list({ handle, from: '2025-06-02', to: '2025-06-04', order: 'asc' });
    expect(ranged.items.map((item: any) => item.id)).toEqual(ids.slice(1, 3));
    expect((await list({ handle, minReach: 300 })).total).toBe(3);
    expect((await list({ handle, unlinked: 'false' })).total).toBe(0);
    const bad = await test
      .http()
      .get('/api/v1/mentions')
      .query({ minReach: -1, unlinked: 'maybe' })
      .set('Authorization', test.keys.viewer)
      .expect(400);
    expect(bad.body.details.map((detail: any) => detail.field).sort()).toEqual([
      'minReach',
      'unlinked',
    ]);
  });

  it('resolves attribution.mentionUrl of purchases, before and after the mention exists', async () => {
    const buyer = await createMember(test);
    const earlyBody = buildPurchase({
      memberId: buyer.id,
      attribution: { mentionUrl: 'https://TikTok.com/@fan/video/42/?utm_source=bio' },
    });
    const early = await createPurchase(test, earlyBody);
    expect(early.attribution.mentionId).toBeNull();
    const mention = await createMention(test, {
      platform: 'tiktok',
      url: 'https://tiktok.com/@fan/video/42#x',
    });
    const readPurchase = async (id: string) =>
      (
        await test
          .http()
          .get(`/api/v1/purchases/${id}`)
          .set('Authorization', test.keys.viewer)
          .expect(200)
      ).body;
    expect((await readPurchase(early.id)).attribution.mentionId).toBe(mention.id);
    await test
      .http()
      .post('/api/v1/purchases')
      .set('Authorization', test.keys.manager)
      .send(earlyBody)
      .expect(200);
    const late = await createPurchase(test, {
      memberId: buyer.id,
      attribution: { mentionUrl: 'https://tiktok.com/@fan/video/42/' },
    });
    expect(late.attribution).toMatchObject({
      mentionId: mention.id,
      mentionUrl: 'https://tiktok.com/@fan/video/42/',
    });
    await test
      .http()
      .delete(`/api/v1/mentions/${mention.id}`)
      .set('Authorization', test.keys.manager)
      .expect(204);
    expect((await readPurchase(early.id)).attribution.mentionId).toBeNull();
    expect((await readPurchase(late.id)).attribution.mentionId).toBeNull();
  });

  it('has unique indexes for the url, (platform, externalPostId) and externalId', async () => {
    const stored = await createMention(test, { externalId: 'uq-1', externalPostId: 'uq-post' });
    const repository = test.app.get(DataSource).getRepository(Mention);
    const row = await repository.findOneByOrFail({ id: stored.id });
    const copy = (changes: Partial<Mention>) => ({
      ...row,
      id: randomUUID(),
      externalId: null,
      externalPostId: null,
      urlNormalized: `${row.urlNormalized}-other`,
      ...changes,
    });
    await expect(repository.insert(copy({ urlNormalized: row.urlNormalized }))).rejects.toThrow();
    await expect(repository.insert(copy({ externalPostId: 'uq-post' }))).rejects.toThrow();
    await expect(repository.insert(copy({ externalId: 'uq-1' }))).rejects.toThrow();
    await repository.insert(copy({ externalPostId: 'uq-post', platform: 'tiktok' }));
  });

  it('registers an importer that writes rows idempotently', async () => {
    const importer = test.app.get(ImportRegistry).get('mentions')!;
    const manager = test.app.get(DataSource).manager;
    const row = buildMention() as any;
    expect(await importer.write(manager, row)).toBe('created');
    expect(await importer.write(manager, { ...row })).toBe('unchanged');
    expect(await importer.write(manager, { ...row, likes: 500 })).toBe('updated');
    expect((await list({ handle: row.handle })).items[0].likes).toBe(500);
  });
});
