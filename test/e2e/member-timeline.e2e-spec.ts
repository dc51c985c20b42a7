import { TestApp, createTestApp } from '../support/test-app';
import {
  addIdentity,
  createAttendance,
  createEvent,
  createFeedback,
  createMember,
  createMention,
  createPurchase,
  createReferral,
  createReview,
} from '../support/factories';

type Item = { type: string; id: string; occurredAt: string; summary: string; record: any };

describe('member timeline', () => {
  let test: TestApp;
  let member: Record<string, any>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestApp();
    member = await createMember(test, { name: 'Ada Lovelace' });
    const referrer = await createMember(test, { name: 'Grace Hopper' });
    const stranger = await createMember(test);
    ids.received = (
      await createReferral(test, {
        referrerId: referrer.id,
        refereeId: member.id,
        invitedAt: '2026-01-01T00:00:00Z',
      })
    ).id;
    ids.made = (
      await createReferral(test, {
        referrerId: member.id,
        refereeEmail: 'newcomer@example.org',
        invitedAt: '2026-01-03T00:00:00Z',
      })
    ).id;
    ids.feedback = (
      await createFeedback(test, { memberId: member.id, submittedAt: '2026-01-05T09:00:00Z' })
    ).id;
    const event = await createEvent(test, {
      name: 'Berlin meetup',
      startsAt: '2026-01-10T18:00:00Z',
    });
    ids.attendance = (
      await createAttendance(test, event.id, {
        memberId: member.id,
        role: 'speaker',
        status: 'attended',
        guestEmails: ['friend@example.org'],
      })
    ).id;
    // Two orders at the same instant: the tie is broken by id.
    ids.order1 = (
      await createPurchase(test, {
        memberId: member.id,
        externalId: 'tl-order-1',
        occurredAt: '2026-01-15T12:00:00Z',
        product: 'Trail shoes',
      })
    ).id;
    ids.order2 = (
      await createPurchase(test, {
        memberId: member.id,
        externalId: 'tl-order-2',
        occurredAt: '2026-01-15T12:00:00Z',
      })
    ).id;
    ids.refund = (
      await createPurchase(test, {
        memberId: member.id,
        externalId: 'tl-refund-1',
        kind: 'refund',
        refundOf: 'tl-order-1',
        amount: '10.00',
        occurredAt: '2026-01-20T12:00:00Z',
      })
    ).id;
    // A review and a feedback item at the same instant: the tie is broken by type.
    ids.review = (
      await createReview(test, { memberId: member.id, publishedAt: '2026-02-01T09:00:00Z' })
    ).id;
    ids.lateFeedback = (
      await createFeedback(test, { memberId: member.id, submittedAt: '2026-02-01T09:00:00Z' })
    ).id;
    await addIdentity(test, member.id, 'instagram', '@ada_tl');
    ids.mention = (
      await createMention(test, { handle: '@ada_tl', postedAt: '2026-02-05T10:00:00Z' })
    ).id;
    // Someone else's records never show.
    await createPurchase(test, { memberId: stranger.id, occurredAt: '2026-02-10T00:00:00Z' });
    await createReview(test, { memberId: stranger.id, publishedAt: '2026-02-10T00:00:00Z' });
  });
  afterAll(() => test.close());

  const timeline = (query: Record<string, unknown> = {}, id = member.id) =>
    test
      .http()
      .get(`/api/v1/members/${id}/timeline`)
      .query(query)
      .set('Authorization', test.keys.viewer);
  const read = async (query: Record<string, unknown> = {}) =>
    (await timeline(query).expect(200)).body as {
      items: Item[];
      nextCursor: string | null;
      total: number;
    };
  const sameInstantOrders = () => [ids.order1, ids.order2].sort().reverse();

  it('lists every purchase and activity newest first, ties by type then id', async () => {
    const page = await read();
    expect(page.total).toBe(10);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((item) => [item.type, item.id])).toEqual([
      ['mention', ids.mention],
      ['review', ids.review],
      ['feedback', ids.lateFeedback],
      ['purchase', ids.refund],
      ...sameInstantOrders().map((id) => ['purchase', id]),
      ['attendance', ids.attendance],
      ['feedback', ids.feedback],
      ['referral_made', ids.made],
      ['referral_received', ids.received],
    ]);
    expect(page.items[0].occurredAt).toBe('2026-02-05T10:00:00.000Z');
  });

  it('gives each record as its endpoint does, with a summary', async () => {
    const { items } = await read();
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const [path, id] of [
      ['reviews', ids.review],
      ['mentions', ids.mention],
      ['feedback', ids.feedback],
      ['purchases', ids.refund],
      ['referrals', ids.made],
      [`events/${byId.get(ids.attendance)!.record.eventId}/attendance`, ids.attendance],
    ]) {
      const own = await test
        .http()
        .get(`/api/v1/${path}/${id}`)
        .set('Authorization', test.keys.viewer)
        .expect(200);
      expect(byId.get(id)!.record).toEqual(own.body);
    }
    expect(byId.get(ids.order1)!.summary).toBe('Order tl-order-1: €49.90 (Trail shoes)');
    expect(byId.get(ids.refund)!.record.refundOf).toBe('tl-order-1');
    expect(byId.get(ids.attendance)!.summary).toBe('Attended Berlin meetup as speaker');
    expect(byId.get(ids.attendance)!.record.guests).toHaveLength(1);
    expect(byId.get(ids.received)!.summary).toMatch(/^Referred by Grace Hopper \(/);
    expect(byId.get(ids.made)!.summary).toBe('Referred newcomer@example.org (invited)');
    expect(byId.get(ids.mention)!.summary).toMatch(
      /^Mentioned on Instagram by ada_tl \(reach [\d,]+\)$/,
    );
  });

  it('summarises in the language asked for (lang, then Accept-Language), money and counts for people', async () => {
    const italian = await timeline().set('Accept-Language', 'it-IT,it;q=0.9').expect(200);
    const byId = new Map((italian.body.items as Item[]).map((item) => [item.id, item]));
    expect(byId.get(ids.order1)!.summary).toBe('Ordine tl-order-1: 49,90\u00a0€ (Trail shoes)');
    expect(byId.get(ids.attendance)!.summary).toBe('Presenza a Berlin meetup come relatore');
    expect(byId.get(ids.made)!.summary).toBe('Ha invitato newcomer@example.org (invitato)');
    expect(byId.get(ids.mention)!.summary).toMatch(
      /^Menzione su Instagram di ada_tl \(portata [\d.]+\)$/,
    );
    const english = await read({ lang: 'en' });
    expect(english.items.map((item) => item.summary)).toContain(
      'Order tl-order-1: €49.90 (Trail shoes)',
    );
    await timeline({ lang: 'fr' }).expect(400);
  });

  it.each([1, 2, 3, 4])('pages with a stable cursor across types (limit %i)', async (limit) => {
    const all = (await read()).items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await read({ limit, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(10);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
  });

  it('filters by a comma list of types, or the parameter repeated', async () => {
    const comma = await read({ type: 'purchase,review' });
    expect(comma.total).toBe(4);
    expect(comma.items.map((item) => item.type)).toEqual([
      'review',
      'purchase',
      'purchase',
      'purchase',
    ]);
    const repeated = await timeline({ type: ['purchase', 'review'] }).expect(200);
    expect(repeated.body).toEqual(comma);
    const made = await read({ type: 'referral_made' });
    expect(made.items.map((item) => item.id)).toEqual([ids.made]);
    const received = await read({ type: 'referral_received' });
    expect(received.items.map((item) => item.id)).toEqual([ids.received]);
  });

  it('pages a filtered timeline', async () => {
    const first = await read({ type: 'purchase,feedback', limit: 3 });
    expect(first.total).toBe(5);
    const second = await read({ type: 'purchase,feedback', limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([
      ids.lateFeedback,
      ids.refund,
      ...sameInstantOrders(),
      ids.feedback,
    ]);
  });

  it('refuses an unknown type, a forged cursor and an unknown member', async () => {
    const badType = await timeline({ type: 'purchase,tweet' }).expect(400);
    expect(badType.body.details).toEqual([expect.objectContaining({ field: 'type' })]);
    const badCursor = await timeline({ cursor: 'bm9wZQ' }).expect(400);
    expect(badCursor.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const forged = Buffer.from(JSON.stringify([1, 'tweet:x'])).toString('base64url');
    await timeline({ cursor: forged }).expect(400);
    await timeline({}, '00000000-0000-4000-8000-000000000000').expect(404);
    await timeline({}, 'not-a-uuid').expect(400);
  });

  it('is documented in OpenAPI with the merge routes', async () => {
    const document = (
      await test.http().get('/docs-json').set('Authorization', test.keys.viewer).expect(200)
    ).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/members/{id}/timeline',
        '/api/v1/members/{id}/merge',
        '/api/v1/members/merge-suggestions',
        '/api/v1/members/merge-suggestions/dismiss',
      ]),
    );
    const record = document.components.schemas.TimelineItemDto.properties.record;
    expect(record.oneOf).toHaveLength(6);
    expect(document.components.schemas.MergeMemberDto.properties.otherMemberId.example).toEqual(
      expect.any(String),
    );
  });
});
