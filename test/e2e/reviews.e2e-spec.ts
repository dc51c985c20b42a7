import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ImportRegistry } from '../../src/imports/import-registry';
import { Review } from '../../src/reviews/review.entity';
import { TestApp, createTestApp } from '../support/test-app';
import { buildReview, createMember, createPurchase } from '../support/factories';

describe('reviews', () => {
  let test: TestApp;
  let member: Record<string, any>;
  beforeAll(async () => {
    test = await createTestApp();
    member = await createMember(test);
  });
  afterAll(() => test.close());

  const post = (body: Record<string, unknown>) =>
    test.http().post('/api/v1/reviews').set('Authorization', test.keys.manager).send(body);
  const list = async (query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get('/api/v1/reviews')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;
  const getReview = (id: string) =>
    test.http().get(`/api/v1/reviews/${id}`).set('Authorization', test.keys.viewer);
  const patch = (id: string, body: Record<string, unknown>) =>
    test.http().patch(`/api/v1/reviews/${id}`).set('Authorization', test.keys.manager).send(body);

  it('records a review, reads, edits and deletes it', async () => {
    const created = await post(
      buildReview({ memberId: member.id, externalId: 'tp-1', views: 10, helpfulVotes: 2 }),
    ).expect(201);
    expect(created.body).toMatchObject({
      externalId: 'tp-1',
      memberId: member.id,
      product: 'Trail shoes',
      rating: 5,
      title: 'Great shoes',
      platform: 'trustpilot',
      publishedAt: '2026-02-01T09:00:00.000Z',
      views: 10,
      helpfulVotes: 2,
      verifiedPurchase: false,
      verifiedPurchaseSource: 'given',
    });
    expect((await getReview(created.body.id).expect(200)).body).toEqual(created.body);

    const edited = await patch(created.body.id, {
      rating: 3,
      title: null,
      body: 'Edited after a month.',
      views: 40,
    }).expect(200);
    expect(edited.body).toMatchObject({
      rating: 3,
      title: null,
      body: 'Edited after a month.',
      views: 40,
      helpfulVotes: 2,
    });
    expect((await patch(created.body.id, { rating: 6 }).expect(400)).body.details[0].field).toBe(
      'rating',
    );
    expect((await patch(created.body.id, { rating: null }).expect(400)).body.details[0].field).toBe(
      'rating',
    );
    expect(
      (await patch(created.body.id, { product: 'Tent' }).expect(400)).body.details[0],
    ).toMatchObject({ field: 'product', code: 'unknownField' });

    const remove = () =>
      test
        .http()
        .delete(`/api/v1/reviews/${created.body.id}`)
        .set('Authorization', test.keys.manager);
    await remove().expect(204);
    await getReview(created.body.id).expect(404);
    await remove().expect(404);
  });

  it('keeps HTML and scripts literally', async () => {
    const body = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>bold</b> &amp;';
    const title = '<i>"Quoted"</i> & \'single\'';
    const created = await post(buildReview({ memberId: member.id, body, title })).expect(201);
    expect(created.body).toMatchObject({ body, title });
    expect((await getReview(created.body.id)).body).toMatchObject({ body, title });
  });

  it('is one review per platform and url: counters update, other changes are refused', async () => {
    const body = buildReview({
      memberId: member.id,
      url: 'https://www.trustpilot.com/reviews/dedup-1',
      views: 5,
    });
    const first = await post(body).expect(201);
    const variant = {
      ...body,
      url: 'https://WWW.TRUSTPILOT.COM/reviews/dedup-1/?utm_source=mail#top',
    };
    const same = await post(variant).expect(200);
    expect(same.body).toEqual(first.body);
    const counted = await post({ ...variant, views: 50, helpfulVotes: 4 }).expect(200);
    expect(counted.body).toMatchObject({ id: first.body.id, views: 50, helpfulVotes: 4 });
    expect((await getReview(first.body.id)).body.views).toBe(50);

    for (const [field, change] of [
      ['rating', { rating: 2 }],
      ['title', { title: 'Another title' }],
      ['body', { body: 'Another body' }],
      ['product', { product: 'Rain jacket' }],
      ['publishedAt', { publishedAt: '2026-02-02' }],
    ] as const) {
      const refused = await post({ ...body, ...change }).expect(409);
      expect(refused.body).toMatchObject({
        code: 'REVIEW_EXISTS',
        details: [expect.objectContaining({ field })],
      });
    }
    const other = await createMember(test);
    expect((await post({ ...body, memberId: other.id }).expect(409)).body.details[0].field).toBe(
      'memberId',
    );
    const elsewhere = await post({ ...body, platform: 'google' }).expect(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
    expect(
      (
        await list({ memberId: member.id, product: 'Trail shoes', platform: 'trustpilot' })
      ).items.filter((item: any) => item.url === body.url),
    ).toHaveLength(1);
  });

  it('is idempotent on externalId without a url, and needs one of the two', async () => {
    const body = buildReview({ memberId: member.id, externalId: 'shop-r-1', url: undefined });
    const first = await post(body).expect(201);
    expect(first.body.url).toBeNull();
    expect((await post(body).expect(200)).body.id).toBe(first.body.id);
    const missing = await post(buildReview({ memberId: member.id, url: undefined })).expect(400);
    expect(missing.body.details[0]).toMatchObject({ field: 'url', code: 'isDefined' });
  });

  it.each([
    ['rating', { rating: 0 }],
    ['rating', { rating: 6 }],
    ['rating', { rating: 4.5 }],
    ['rating', { rating: '5' }],
    ['views', { views: -1 }],
    ['helpfulVotes', { helpfulVotes: null }],
    ['url', { url: 'javascript:alert(1)' }],
    ['publishedAt', { publishedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }],
    ['product', { product: '' }],
    ['verifiedPurchase', { verifiedPurchase: 'yes' }],
    ['stars', { stars: 5 }],
  ])('refuses bad %s and stores nothing', async (field, override) => {
    const before = (await list({ memberId: member.id })).total;
    const response = await post(buildReview({ memberId: member.id, ...override })).expect(400);
    expect(response.body.details.map((detail: any) => detail.field)).toContain(field);
    expect((await list({ memberId: member.id })).total).toBe(before);
  });

  it('names the member by externalId, email or handle, and refuses an unknown one', async () => {
    const reviewer = await createMember(test);
    await test
      .http()
      .post(`/api/v1/members/${reviewer.id}/identities`)
      .set('Authorization', test.keys.manager)
      .send({ platform: 'google', handle: 'GoogleAda' })
      .expect(201);
    for (const reference of [
      { memberExternalId: reviewer.externalId },
      { memberEmail: String(reviewer.email).toUpperCase() },
      { handle: '@googleada', platform: 'google' },
    ]) {
      const created = await post(buildReview(reference)).expect(201);
      expect(created.body.memberId).toBe(reviewer.id);
    }
    const unknown = await post(buildReview({ memberExternalId: 'nobody' })).expect(422);
    expect(unknown.body.details[0].field).toBe('memberExternalId');
    const none = await post(buildReview()).expect(400);
    expect(none.body.details[0].field).toBe('memberId');
  });

  it('derives verifiedPurchase from orders that name products, else takes it as given', async () => {
    const noProducts = await createMember(test);
    await createPurchase(test, { memberId: noProducts.id, occurredAt: '2026-01-01' });
    const given = await post(
      buildReview({ memberId: noProducts.id, verifiedPurchase: true }),
    ).expect(201);
    expect(given.body).toMatchObject({ verifiedPurchase: true, verifiedPurchaseSource: 'given' });

    const buyer = await createMember(test);
    await createPurchase(test, {
      memberId: buyer.id,
      product: 'Trail Shoes',
      occurredAt: '2026-01-10T00:00:00Z',
    });
    const bought = await post(
      buildReview({ memberId: buyer.id, product: 'trail shoes', verifiedPurchase: false }),
    ).expect(201);
    expect(bought.body).toMatchObject({
      verifiedPurchase: true,
      verifiedPurchaseSource: 'derived',
    });
    const notBought = await post(
      buildReview({ memberId: buyer.id, product: 'Tent', verifiedPurchase: true }),
    ).expect(201);
    expect(notBought.body).toMatchObject({
      verifiedPurchase: false,
      verifiedPurchaseSource: 'derived',
    });
    const tooEarly = await post(
      buildReview({ memberId: buyer.id, product: 'Trail Shoes', publishedAt: '2026-01-09' }),
    ).expect(201);
    expect(tooEarly.body.verifiedPurchase).toBe(false);

    // An order arriving later (but dated before the review) verifies it.
    await createPurchase(test, {
      memberId: buyer.id,
      product: 'Tent',
      occurredAt: '2026-01-20T00:00:00Z',
    });
    expect((await getReview(notBought.body.id)).body.verifiedPurchase).toBe(true);
    // The first order naming a product decides a review that was given.
    await createPurchase(test, {
      memberId: noProducts.id,
      product: 'Rain jacket',
      occurredAt: '2026-01-05',
    });
    expect((await getReview(given.body.id)).body).toMatchObject({
      verifiedPurchase: false,
      verifiedPurchaseSource: 'derived',
    });
  });

  it('filters and pages', async () => {
    const author = await createMember(test);
    const ids: string[] = [];
    for (let day = 1; day <= 5; day += 1) {
      const review = await post(
        buildReview({
          memberId: author.id,
          rating: day,
          product: day % 2 ? 'Odd product' : 'Even product',
          platform: day <= 3 ? 'google' : 'trustpilot',
          publishedAt: `2025-07-0${day}T12:00:00Z`,
        }),
      ).expect(201);
      ids.push(review.body.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ memberId: author.id, limit: 2, cursor, order: 'asc' });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((item: any) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
    const idsOf = async (query: Record<string, unknown>) =>
      (await list({ memberId: author.id, ...query })).items.map((item: any) => item.id);
    expect(await idsOf({ minRating: 4 })).toEqual([ids[4], ids[3]]);
    expect(await idsOf({ product: 'Even product' })).toEqual([ids[3], ids[1]]);
    expect(await idsOf({ platform: 'Google', from: '2025-07-02', to: '2025-07-03' })).toEqual([
      ids[1],
    ]);
    await test
      .http()
      .get('/api/v1/reviews')
      .query({ minRating: 0 })
      .set('Authorization', test.keys.viewer)
      .expect(400);
  });

  it('has unique indexes for (platform, url) and externalId', async () => {
    const stored = await post(buildReview({ memberId: member.id, externalId: 'uq-r' })).expect(201);
    const repository = test.app.get(DataSource).getRepository(Review);
    const row = await repository.findOneByOrFail({ id: stored.body.id });
    const copy = (changes: Partial<Review>) => ({
      ...row,
      id: randomUUID(),
      externalId: null,
      urlNormalized: null,
      ...changes,
    });
    await expect(repository.insert(copy({ urlNormalized: row.urlNormalized }))).rejects.toThrow();
    await expect(repository.insert(copy({ externalId: 'uq-r' }))).rejects.toThrow();
    await repository.insert(copy({ urlNormalized: row.urlNormalized, platform: 'google' }));
  });

  it('registers an importer', async () => {
    const importer = test.app.get(ImportRegistry).get('reviews')!;
    const manager = test.app.get(DataSource).manager;
    const row = buildReview({ memberId: member.id }) as any;
    expect(await importer.write(manager, row)).toBe('created');
    expect(await importer.write(manager, { ...row })).toBe('unchanged');
    expect(await importer.write(manager, { ...row, helpfulVotes: 9 })).toBe('updated');
  });
});
