import { TestApp, createTestApp } from '../support/test-app';
import {
  addIdentity,
  buildMember,
  createAttendance,
  createEvent,
  createFeedback,
  createMember,
  createMention,
  createPurchase,
  createReferral,
  createReview,
} from '../support/factories';

describe('member merge', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  const merge = (survivorId: string, otherMemberId: string, key = test.keys.manager) =>
    test
      .http()
      .post(`/api/v1/members/${survivorId}/merge`)
      .set('Authorization', key)
      .send({ otherMemberId });
  const get = async (path: string, query: Record<string, unknown> = {}) =>
    (await test.http().get(path).query(query).set('Authorization', test.keys.viewer).expect(200))
      .body;
  const total = async (path: string, query: Record<string, unknown>) =>
    (await get(path, { ...query, limit: 1 })).total as number;
  const member = (id: string) => get(`/api/v1/members/${id}`);

  /** Every record of a member, counted through the list endpoints. */
  const counts = async (memberId: string, eventIds: string[] = []) => ({
    identities: (await get(`/api/v1/members/${memberId}/identities`)).total,
    purchases: await total('/api/v1/purchases', { memberId }),
    reviews: await total('/api/v1/reviews', { memberId }),
    mentions: await total('/api/v1/mentions', { memberId }),
    feedback: await total('/api/v1/feedback', { memberId }),
    referralsMade: await total('/api/v1/referrals', { referrerId: memberId }),
    referralsReceived: await total('/api/v1/referrals', { refereeId: memberId }),
    attendance: (
      await Promise.all(
        eventIds.map((eventId) => total(`/api/v1/events/${eventId}/attendance`, { memberId })),
      )
    ).reduce((sum, count) => sum + count, 0),
    valueSnapshots: (await get(`/api/v1/members/${memberId}/value/history`)).total,
    timeline: await total(`/api/v1/members/${memberId}/timeline`, {}),
  });

  it('moves every record of the other member onto the survivor', async () => {
    const survivor = await createMember(test, { name: 'Ada Survivor', tags: ['vip'] });
    const other = await createMember(test, { name: 'Ada Other', tags: ['vip', 'berlin'] });
    const referrer = await createMember(test);
    const referee = await createMember(test);
    const host = await createMember(test);
    await createReferral(test, { referrerId: referrer.id, refereeId: other.id });
    await createReferral(test, { referrerId: other.id, refereeId: referee.id });
    await addIdentity(test, other.id, 'instagram', '@other_handle');
    await addIdentity(test, survivor.id, 'twitter', '@survivor_handle');
    await createPurchase(test, { memberId: survivor.id });
    await createPurchase(test, { memberId: other.id, occurredAt: '2026-02-01T00:00:00Z' });
    await createPurchase(test, { memberId: other.id, occurredAt: '2026-03-01T00:00:00Z' });
    await createReview(test, { memberId: other.id });
    await createMention(test, { handle: '@other_handle' });
    const same = { text: 'Same idea twice', submittedAt: '2026-01-05T09:00:00Z' };
    await createFeedback(test, { memberId: survivor.id, ...same });
    await createFeedback(test, { memberId: other.id, ...same });
    await createFeedback(test, { memberId: other.id });
    const onlyOther = await createEvent(test);
    const both = await createEvent(test);
    const hosted = await createEvent(test);
    const selfGuest = await createEvent(test);
    await createAttendance(test, onlyOther.id, { memberId: other.id });
    await createAttendance(test, both.id, {
      memberId: survivor.id,
      guestEmails: ['h@example.org'],
    });
    await createAttendance(test, both.id, {
      memberId: other.id,
      guestEmails: ['g@example.org', 'h@example.org'],
    });
    const hostRow = await createAttendance(test, hosted.id, {
      memberId: host.id,
      guestMemberIds: [other.id],
    });
    await createAttendance(test, selfGuest.id, {
      memberId: survivor.id,
      guestMemberIds: [other.id],
    });
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '2026-11-01' })
      .expect(200);
    const events = [onlyOther.id, both.id, hosted.id, selfGuest.id];
    const survivorBefore = await counts(survivor.id, events);
    const otherBefore = await counts(other.id, events);
    expect(otherBefore).toEqual({
      identities: 1,
      purchases: 2,
      reviews: 1,
      mentions: 1,
      feedback: 2,
      referralsMade: 1,
      referralsReceived: 1,
      attendance: 2,
      valueSnapshots: 1,
      timeline: 10,
    });

    const response = await merge(survivor.id, other.id).expect(200);

    expect(response.body.moved).toEqual({
      identities: 1,
      tags: 1,
      purchases: 2,
      reviews: 1,
      mentions: 1,
      feedback: 1,
      attendance: 1,
      eventGuests: 2,
      referralsMade: 1,
      referralsReceived: 1,
    });
    expect(response.body.dropped).toEqual({
      tags: 1,
      feedback: 1,
      attendance: 1,
      eventGuests: 2,
      referralsReceived: 0,
      valueSnapshots: 1,
    });
    expect(response.body.survivor).toMatchObject({
      id: survivor.id,
      tags: ['berlin', 'vip'],
      mergedIntoId: null,
    });
    expect(response.body.merged).toMatchObject({
      id: other.id,
      mergedIntoId: survivor.id,
      tags: [],
    });
    expect(await counts(other.id, events)).toEqual({
      identities: 0,
      purchases: 0,
      reviews: 0,
      mentions: 0,
      feedback: 0,
      referralsMade: 0,
      referralsReceived: 0,
      attendance: 0,
      valueSnapshots: 0,
      timeline: 0,
    });
    expect(await counts(survivor.id, events)).toEqual({
      identities: survivorBefore.identities + 1,
      purchases: survivorBefore.purchases + 2,
      reviews: survivorBefore.reviews + 1,
      mentions: survivorBefore.mentions + 1,
      feedback: survivorBefore.feedback + 1,
      referralsMade: survivorBefore.referralsMade + 1,
      referralsReceived: 1,
      attendance: survivorBefore.attendance + 1,
      valueSnapshots: survivorBefore.valueSnapshots,
      timeline: survivorBefore.timeline + 10 - 2,
    });
    const guestsAtBoth = (await get(`/api/v1/events/${both.id}/attendance`)).items;
    expect(guestsAtBoth).toHaveLength(1);
    expect(guestsAtBoth[0].guests.map((guest: any) => guest.email).sort()).toEqual([
      'g@example.org',
      'h@example.org',
    ]);
    const hostAfter = await get(`/api/v1/events/${hosted.id}/attendance/${hostRow.id}`);
    expect(hostAfter.guests.map((guest: any) => guest.memberId)).toEqual([survivor.id]);
    const selfAfter = (await get(`/api/v1/events/${selfGuest.id}/attendance`)).items;
    expect(selfAfter[0].guests).toEqual([]);
    // The pointer is kept out of lists and shows where it went.
    expect((await member(other.id)).mergedIntoId).toBe(survivor.id);
    expect(await total('/api/v1/members', { q: other.externalId })).toBe(0);
  });

  it('fills empty fields of the survivor and frees them on the pointer', async () => {
    // Every member has an externalId or an email; each survivor lacks the other one.
    const survivor = await createMember(test, {
      externalId: undefined,
      name: undefined,
      acquiredAt: '2026-03-01',
    });
    const other = await createMember(test, {
      name: 'Grace Hopper',
      acquiredAt: '2025-06-01',
      acquisitionChannel: 'event',
      profilingObjection: true,
    });
    const { body } = await merge(survivor.id, other.id).expect(200);
    expect(body.survivor).toMatchObject({
      externalId: other.externalId,
      email: survivor.email,
      name: 'Grace Hopper',
      acquiredAt: '2025-06-01T00:00:00.000Z',
      acquisitionChannel: 'event',
      profilingObjection: true,
    });
    expect(body.merged).toMatchObject({
      externalId: null,
      email: other.email,
      name: 'Grace Hopper',
    });
    const purchase = await createPurchase(test, { memberExternalId: other.externalId });
    expect(purchase.memberId).toBe(survivor.id);

    const withoutEmail = await createMember(test, { email: undefined });
    const withEmail = await createMember(test);
    const second = (await merge(withoutEmail.id, withEmail.id).expect(200)).body;
    expect(second.survivor).toMatchObject({
      externalId: withoutEmail.externalId,
      email: withEmail.email,
    });
    expect(second.merged).toMatchObject({ externalId: withEmail.externalId, email: null });
  });

  it('keeps the old externalId and email on the pointer, which resolves to the survivor', async () => {
    const survivor = await createMember(test);
    const other = await createMember(test, { email: 'Old.Address@Example.com' });
    const { body } = await merge(survivor.id, other.id).expect(200);
    expect(body.survivor).toMatchObject({ externalId: survivor.externalId, email: survivor.email });
    expect(body.merged).toMatchObject({ externalId: other.externalId, email: other.email });
    const byExternalId = await createPurchase(test, { memberExternalId: other.externalId });
    const byEmail = await createPurchase(test, { memberEmail: 'old.address@example.com' });
    const byPointerId = await createPurchase(test, { memberId: other.id });
    expect([byExternalId.memberId, byEmail.memberId, byPointerId.memberId]).toEqual([
      survivor.id,
      survivor.id,
      survivor.id,
    ]);
  });

  it('answers a re-sent member of the pointer with the survivor, and refuses other content', async () => {
    const survivor = await createMember(test);
    const sent = buildMember({ email: 'Pointer.Person@Example.com', tags: ['berlin'] });
    const other = (
      await test.http().post('/api/v1/members').set('Authorization', test.keys.manager).send(sent)
    ).body;
    await merge(survivor.id, other.id).expect(200);
    const post = (body: Record<string, unknown>) =>
      test.http().post('/api/v1/members').set('Authorization', test.keys.manager).send(body);
    // The same CRM row again (a re-run import): nothing stored, the survivor answers.
    const again = await post(sent).expect(200);
    expect(again.body.id).toBe(survivor.id);
    const byEmail = await post({ email: 'pointer.person@example.com' }).expect(200);
    expect(byEmail.body.id).toBe(survivor.id);
    const changed = await post({ ...sent, name: 'Someone Else' }).expect(409);
    expect(changed.body).toMatchObject({
      code: 'MEMBER_EXISTS',
      message: expect.stringContaining(`merged into ${survivor.id}`),
      details: [expect.objectContaining({ field: 'externalId' })],
    });
    expect((await get('/api/v1/members', { q: 'pointer.person', limit: 5 })).total).toBe(0);
  });

  describe('refusals change nothing', () => {
    const expectRefused = async (
      survivorId: string,
      otherId: string,
      status: number,
      code: string,
      field = 'otherMemberId',
    ) => {
      const before = [await member(survivorId), await member(otherId).catch(() => null)];
      const response = await merge(survivorId, otherId).expect(status);
      expect(response.body).toMatchObject({
        code,
        details: [expect.objectContaining({ field })],
      });
      expect([await member(survivorId), await member(otherId).catch(() => null)]).toEqual(before);
    };

    it('merging a member into itself', async () => {
      const alone = await createMember(test);
      await expectRefused(alone.id, alone.id, 422, 'MERGE_INTO_SELF');
    });

    it('a member already merged, on either side', async () => {
      const [first, second, third] = [
        await createMember(test),
        await createMember(test),
        await createMember(test),
      ];
      await merge(first.id, second.id).expect(200);
      await expectRefused(third.id, second.id, 409, 'MEMBER_ALREADY_MERGED');
      await expectRefused(second.id, third.id, 409, 'MEMBER_ALREADY_MERGED', 'id');
    });

    it('unknown members, bad ids and a viewer key', async () => {
      const alone = await createMember(test);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await merge(alone.id, unknown).expect(422)).body.details[0].field).toBe(
        'otherMemberId',
      );
      await merge(unknown, alone.id).expect(404);
      await merge(alone.id, 'nope').expect(400);
      await merge(alone.id, unknown, test.keys.viewer).expect(403);
    });

    it('a referral between the two, in either direction', async () => {
      const referrer = await createMember(test);
      const referee = await createMember(test);
      await createReferral(test, { referrerId: referrer.id, refereeId: referee.id });
      await expectRefused(referrer.id, referee.id, 422, 'MERGE_SELF_REFERRAL');
      await expectRefused(referee.id, referrer.id, 422, 'MERGE_SELF_REFERRAL');
    });

    it('two different referrers', async () => {
      const [left, right] = [await createMember(test), await createMember(test)];
      await createReferral(test, { referrerId: (await createMember(test)).id, refereeId: left.id });
      await createReferral(test, {
        referrerId: (await createMember(test)).id,
        refereeId: right.id,
      });
      await expectRefused(left.id, right.id, 409, 'MERGE_TWO_REFERRERS');
    });

    it('a referral cycle, found after records moved: the transaction undoes the moves', async () => {
      const survivor = await createMember(test);
      const middle = await createMember(test);
      const other = await createMember(test, { tags: ['late'] });
      await createReferral(test, { referrerId: survivor.id, refereeId: middle.id });
      await createReferral(test, { referrerId: middle.id, refereeId: other.id });
      await addIdentity(test, other.id, 'instagram', '@cycle_other');
      await createPurchase(test, { memberId: other.id });
      await createReview(test, { memberId: other.id });
      await createFeedback(test, { memberId: other.id });
      const before = [await counts(survivor.id), await counts(other.id)];
      await expectRefused(survivor.id, other.id, 422, 'MERGE_REFERRAL_CYCLE');
      expect([await counts(survivor.id), await counts(other.id)]).toEqual(before);
      expect((await member(other.id)).tags).toEqual(['late']);
    });
  });

  it('keeps one referral when the same referrer referred both', async () => {
    const referrer = await createMember(test);
    const [survivor, other] = [await createMember(test), await createMember(test)];
    await createReferral(test, { referrerId: referrer.id, refereeId: survivor.id });
    const converted = await createReferral(test, { referrerId: referrer.id, refereeId: other.id });
    await createPurchase(test, { memberId: other.id, occurredAt: '2026-02-01T00:00:00Z' });
    const { body } = await merge(survivor.id, other.id).expect(200);
    expect(body.dropped.referralsReceived).toBe(1);
    const left = await get('/api/v1/referrals', { referrerId: referrer.id });
    expect(left.items.map((item: any) => [item.id, item.refereeId, item.status])).toEqual([
      [converted.id, survivor.id, 'converted'],
    ]);
  });

  it("converts the survivor's pending referral when the merge brings its first order", async () => {
    const referrer = await createMember(test);
    const [survivor, other] = [await createMember(test), await createMember(test)];
    const referral = await createReferral(test, {
      referrerId: referrer.id,
      refereeId: survivor.id,
      invitedAt: '2026-01-01T00:00:00Z',
    });
    const order = await createPurchase(test, {
      memberId: other.id,
      occurredAt: '2026-02-01T00:00:00Z',
    });
    await merge(survivor.id, other.id).expect(200);
    expect(await get(`/api/v1/referrals/${referral.id}`)).toMatchObject({
      status: 'converted',
      convertedAt: '2026-02-01T00:00:00.000Z',
      convertingPurchaseId: order.id,
    });
  });

  it('lets only one of two opposite concurrent merges through', async () => {
    const [left, right] = [await createMember(test), await createMember(test)];
    const statuses = (await Promise.all([merge(left.id, right.id), merge(right.id, left.id)])).map(
      (response) => response.status,
    );
    expect(statuses.sort()).toEqual([200, 409]);
  });
});
