import { TestApp, createTestApp } from '../support/test-app';
import { buildReferral, createMember, createPurchase, createReferral } from '../support/factories';

describe('referrals', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ CURRENCY_RATES: 'USD=0.92' });
  });
  afterAll(() => test.close());

  const post = (body: Record<string, unknown>) =>
    test.http().post('/api/v1/referrals').set('Authorization', test.keys.manager).send(body);
  const get = (id: string) =>
    test.http().get(`/api/v1/referrals/${id}`).set('Authorization', test.keys.viewer);
  const list = async (query: Record<string, unknown>) =>
    (
      await test
        .http()
        .get('/api/v1/referrals')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body as { items: Record<string, any>[]; total: number; nextCursor: string | null };
  const action = (id: string, verb: 'approve' | 'reject') =>
    test.http().post(`/api/v1/referrals/${id}/${verb}`).set('Authorization', test.keys.manager);

  it('records a referral of a member with the referrer code, dates and reward in the base currency', async () => {
    const ada = await createMember(test, { email: 'ada.first@example.com' });
    const grace = await createMember(test, { email: 'grace.first@example.org' });
    const response = await post(
      buildReferral({
        referrerId: ada.id,
        refereeExternalId: grace.externalId,
        rewardCost: '10.00',
        rewardCurrency: 'USD',
      }),
    ).expect(201);
    expect(response.body).toMatchObject({
      referrerId: ada.id,
      refereeId: grace.id,
      refereeEmail: grace.email,
      code: ada.referralCode,
      channel: 'email',
      status: 'signed_up',
      rewardCost: '10.00',
      rewardCurrency: 'USD',
      baseRewardCost: '9.20',
      baseCurrency: 'EUR',
      invitedAt: '2026-01-01T00:00:00.000Z',
      signedUpAt: '2026-01-01T00:00:00.000Z',
      convertedAt: null,
      flags: [],
      awaitingApproval: false,
      countsForValue: false,
    });
    expect((await get(response.body.id).expect(200)).body).toEqual(response.body);
  });

  it('keeps a referee who is no member yet as an invited email, and names the referrer by code', async () => {
    const ada = await createMember(test);
    const response = await post(
      buildReferral({
        code: ada.referralCode.toLowerCase(),
        refereeEmail: 'Someone.New@Example.org',
      }),
    ).expect(201);
    expect(response.body).toMatchObject({
      referrerId: ada.id,
      refereeId: null,
      refereeEmail: 'Someone.New@Example.org',
      status: 'invited',
      signedUpAt: null,
      rewardCost: '0.00',
    });
  });

  describe('refusals', () => {
    it('refuses self-referral by the same member', async () => {
      const ada = await createMember(test);
      const response = await post(buildReferral({ referrerId: ada.id, refereeId: ada.id })).expect(
        422,
      );
      expect(response.body).toMatchObject({
        code: 'SELF_REFERRAL',
        details: [expect.objectContaining({ field: 'refereeId', code: 'SELF_REFERRAL' })],
      });
    });

    it('refuses self-referral by the same email in another case', async () => {
      const ada = await createMember(test, { email: 'ada.self@example.com' });
      const response = await post(
        buildReferral({ referrerId: ada.id, refereeEmail: 'ADA.Self@Example.com' }),
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('SELF_REFERRAL');
      expect(response.body.details[0].field).toBe('refereeEmail');
    });

    it('refuses a second referrer for a member and for a pending email', async () => {
      const [ada, grace, alan] = await Promise.all([1, 2, 3].map(() => createMember(test)));
      await createReferral(test, { referrerId: ada.id, refereeId: grace.id });
      const second = await post(buildReferral({ referrerId: alan.id, refereeId: grace.id })).expect(
        409,
      );
      expect(second.body).toMatchObject({
        code: 'REFEREE_ALREADY_REFERRED',
        details: [expect.objectContaining({ field: 'refereeId' })],
      });
      await createReferral(test, { referrerId: ada.id, refereeEmail: 'pending-one@example.org' });
      const byEmail = await post(
        buildReferral({ referrerId: alan.id, refereeEmail: 'PENDING-one@example.org' }),
      ).expect(409);
      expect(byEmail.body.details[0].field).toBe('refereeEmail');
      expect((await list({ refereeId: grace.id })).total).toBe(1);
    });

    it('refuses a cycle, direct and through a longer chain', async () => {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => createMember(test)));
      await createReferral(test, { referrerId: a.id, refereeId: b.id });
      const direct = await post(buildReferral({ referrerId: b.id, refereeId: a.id })).expect(422);
      expect(direct.body).toMatchObject({
        code: 'REFERRAL_CYCLE',
        details: [expect.objectContaining({ field: 'refereeId' })],
      });
      await createReferral(test, { referrerId: b.id, refereeId: c.id });
      const chain = await post(buildReferral({ referrerId: c.id, refereeId: a.id })).expect(422);
      expect(chain.body.code).toBe('REFERRAL_CYCLE');
      expect((await list({ refereeId: a.id })).total).toBe(0);
    });

    it('refuses a referee who was a customer before the referral date', async () => {
      const [ada, grace] = await Promise.all([1, 2].map(() => createMember(test)));
      await createPurchase(test, { memberId: grace.id, occurredAt: '2026-01-05T00:00:00Z' });
      const response = await post(
        buildReferral({
          referrerId: ada.id,
          refereeId: grace.id,
          invitedAt: '2026-01-10T00:00:00Z',
        }),
      ).expect(422);
      expect(response.body).toMatchObject({
        code: 'REFEREE_ALREADY_CUSTOMER',
        details: [expect.objectContaining({ field: 'refereeId' })],
      });
      expect(response.body.message).toContain('2026-01-05');
    });

    it('converts at once a referral recorded after the referee first bought, when the order followed it', async () => {
      const ada = await createMember(test, { email: 'ada.early@example.com' });
      const grace = await createMember(test, { email: 'grace.early@example.org' });
      const order = await createPurchase(test, {
        memberId: grace.id,
        occurredAt: '2026-01-05T00:00:00Z',
      });
      const response = await post(
        buildReferral({ referrerId: ada.id, refereeId: grace.id, invitedAt: '2026-01-02' }),
      ).expect(201);
      expect(response.body).toMatchObject({
        status: 'converted',
        convertedAt: '2026-01-05T00:00:00.000Z',
        convertingPurchaseId: order.id,
        countsForValue: true,
      });
    });
  });

  describe('flags', () => {
    it('flags a disposable referee domain', async () => {
      const ada = await createMember(test);
      const referral = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'burner@eu.mailinator.com',
      });
      expect(referral).toMatchObject({ flags: ['disposable_domain'], awaitingApproval: true });
    });

    it('flags a referee email that is the referrer email with a +tag or dots', async () => {
      const ada = await createMember(test, { email: 'ada.lovelace@example.com' });
      const referral = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'adalovelace+friend@example.com',
      });
      expect(referral.flags).toEqual(['similar_email']);
    });

    it('flags a referee email a typo away from the referrer email', async () => {
      const ada = await createMember(test, { email: 'charlotte@example.com' });
      const near = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'charlotta1@example.com',
      });
      expect(near.flags).toEqual(['similar_email']);
      const far = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'charles@example.com',
      });
      expect(far.flags).toEqual([]);
    });

    it('flags referrals beyond the burst threshold within the window, not before or after', async () => {
      const ada = await createMember(test);
      const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour)).toISOString();
      const flags: string[][] = [];
      for (let index = 0; index < 6; index += 1) {
        const referral = await createReferral(test, {
          referrerId: ada.id,
          refereeEmail: `burst-${index}@example.org`,
          invitedAt: at(index),
        });
        flags.push(referral.flags);
      }
      expect(flags).toEqual([[], [], [], [], [], ['burst']]);
      const nextDay = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'burst-late@example.org',
        invitedAt: at(30),
      });
      expect(nextDay.flags).toEqual([]);
    });
  });

  describe('evidence', () => {
    const evidence = (id: string) =>
      test.http().get(`/api/v1/referrals/${id}/evidence`).set('Authorization', test.keys.viewer);

    it('shows the look-alike emails, the burst count and what is at stake: reward and the referee’s net spend', async () => {
      const ada = await createMember(test, { email: 'ada.evidence@example.com' });
      const twin = await createMember(test, { email: 'adaevidence+2@example.com' });
      const referral = await createReferral(test, {
        referrerId: ada.id,
        refereeExternalId: twin.externalId,
        rewardCost: '10.00',
        rewardCurrency: 'USD',
        invitedAt: '2026-01-01T00:00:00Z',
      });
      expect(referral.flags).toEqual(['similar_email']);
      const order = await createPurchase(test, {
        memberExternalId: twin.externalId,
        amount: '120.00',
        currency: 'EUR',
        occurredAt: '2026-01-05T00:00:00Z',
      });
      await createPurchase(test, {
        memberExternalId: twin.externalId,
        kind: 'refund',
        refundOf: order.externalId,
        amount: '20.00',
        currency: 'EUR',
        occurredAt: '2026-01-06T00:00:00Z',
      });
      const response = await evidence(referral.id).expect(200);
      expect(response.body).toEqual({
        referralId: referral.id,
        flags: ['similar_email'],
        referrerEmail: 'ada.evidence@example.com',
        refereeEmail: 'adaevidence+2@example.com',
        similarEmails: true,
        disposableDomain: null,
        burst: { referralsInWindow: 1, windowHours: 24, threshold: 5 },
        atStake: {
          baseRewardCost: '9.20',
          refereeSpend: '100.00',
          baseCurrency: 'EUR',
          converted: true,
        },
      });
    });

    it('names the disposable domain of a referee who is not a member yet; an unknown referral is 404', async () => {
      const ada = await createMember(test);
      const referral = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'evidence@eu.mailinator.com',
      });
      const response = await evidence(referral.id).expect(200);
      expect(response.body).toMatchObject({
        refereeEmail: 'evidence@eu.mailinator.com',
        disposableDomain: 'eu.mailinator.com',
        atStake: { refereeSpend: '0.00', converted: false },
      });
      await evidence('00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('approval', () => {
    it('holds flagged referrals until a manager approves or rejects them', async () => {
      const ada = await createMember(test);
      const first = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'one@yopmail.com',
      });
      const second = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'two@yopmail.com',
      });
      const clean = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'three@example.org',
      });
      const ids = (page: { items: Record<string, any>[] }) => page.items.map((item) => item.id);
      expect(ids(await list({ referrerId: ada.id, flagged: true })).sort()).toEqual(
        [first.id, second.id].sort(),
      );
      expect(ids(await list({ referrerId: ada.id, flagged: false }))).toEqual([clean.id]);

      await test
        .http()
        .post(`/api/v1/referrals/${first.id}/approve`)
        .set('Authorization', test.keys.viewer)
        .expect(403);
      const approved = await action(first.id, 'approve').expect(200);
      expect(approved.body).toMatchObject({
        awaitingApproval: false,
        flags: ['disposable_domain'],
      });
      expect(approved.body.approvedAt).not.toBeNull();
      const again = await action(first.id, 'approve').expect(200);
      expect(again.body.approvedAt).toBe(approved.body.approvedAt);

      const rejected = await action(second.id, 'reject').expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', awaitingApproval: false });
      expect(rejected.body.rejectedAt).not.toBeNull();
      const approveRejected = await action(second.id, 'reject').expect(200);
      expect(approveRejected.body.rejectedAt).toBe(rejected.body.rejectedAt);
      expect((await action(second.id, 'approve').expect(409)).body.code).toBe('REFERRAL_REJECTED');

      expect(ids(await list({ referrerId: ada.id, pendingApproval: true }))).toEqual([]);
      expect(ids(await list({ referrerId: ada.id, status: 'rejected' }))).toEqual([second.id]);
    });

    it('counts a flagged conversion only once approved', async () => {
      const ada = await createMember(test, { email: 'hedy@example.com' });
      const hedy2 = await createMember(test, { email: 'hedy+2@example.com' });
      const referral = await createReferral(test, { referrerId: ada.id, refereeId: hedy2.id });
      await createPurchase(test, { memberId: hedy2.id, occurredAt: '2026-01-10T00:00:00Z' });
      const converted = (await get(referral.id).expect(200)).body;
      expect(converted).toMatchObject({
        status: 'converted',
        flags: ['similar_email'],
        countsForValue: false,
      });
      expect((await action(referral.id, 'approve').expect(200)).body.countsForValue).toBe(true);
    });
  });

  describe('idempotency', () => {
    it('on externalId: same content unchanged, a later status updated, other content 409', async () => {
      const [ada, grace] = await Promise.all([1, 2].map(() => createMember(test)));
      const body = buildReferral({
        externalId: 'ref-idem-1',
        referrerId: ada.id,
        refereeEmail: grace.email,
        status: 'invited',
      });
      const first = await post(body).expect(201);
      expect(first.body.status).toBe('invited');
      const again = await post(body).expect(200);
      expect(again.body).toEqual(first.body);
      const later = await post({ ...body, status: 'signed_up', rewardCost: '5' }).expect(200);
      expect(later.body).toMatchObject({
        id: first.body.id,
        status: 'signed_up',
        rewardCost: '5.00',
      });
      const behind = await post({ ...body, rewardCost: '5' }).expect(200);
      expect(behind.body.status).toBe('signed_up');
      const otherDate = await post({ ...body, invitedAt: '2026-01-02' }).expect(409);
      expect(otherDate.body).toMatchObject({
        code: 'REFERRAL_EXISTS',
        details: [expect.objectContaining({ field: 'externalId' })],
      });
      const otherChannel = await post({ ...body, channel: 'social' }).expect(409);
      expect(otherChannel.body.code).toBe('REFERRAL_EXISTS');
      expect((await list({ referrerId: ada.id })).total).toBe(1);
    });

    it('without externalId on (referrer, referee)', async () => {
      const ada = await createMember(test);
      const body = buildReferral({ referrerId: ada.id, refereeEmail: 'natural-key@example.org' });
      const first = await post(body).expect(201);
      const again = await post({ ...body, refereeEmail: 'Natural-Key@example.org' }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect((await list({ referrerId: ada.id })).total).toBe(1);
    });
  });

  describe('PATCH and DELETE', () => {
    it('changes reward, channel and status with dates, and refuses what a status cannot do', async () => {
      const ada = await createMember(test);
      const pending = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'patch-me@example.org',
      });
      const patch = (body: Record<string, unknown>) =>
        test
          .http()
          .patch(`/api/v1/referrals/${pending.id}`)
          .set('Authorization', test.keys.manager)
          .send(body);
      const changed = await patch({ rewardCost: 12.5, channel: 'social' }).expect(200);
      expect(changed.body).toMatchObject({ rewardCost: '12.50', channel: 'social' });
      const noMember = await patch({ status: 'signed_up' }).expect(422);
      expect(noMember.body.details[0]).toMatchObject({
        field: 'status',
        code: 'invalidTransition',
      });
      const byHand = await patch({ status: 'converted' }).expect(422);
      expect(byHand.body.details[0].field).toBe('status');
      const voided = await patch({ status: 'voided' }).expect(200);
      expect(voided.body.status).toBe('voided');
      expect(voided.body.voidedAt).not.toBeNull();
      const back = await patch({ status: 'invited' }).expect(422);
      expect(back.body.details[0].field).toBe('status');
      const onlyCurrency = await patch({ rewardCurrency: 'USD' }).expect(400);
      expect(onlyCurrency.body.details[0].field).toBe('rewardCost');
      const unknownField = await patch({ referrerId: ada.id }).expect(400);
      expect(unknownField.body.details[0]).toMatchObject({
        field: 'referrerId',
        code: 'unknownField',
      });
    });

    it('signs a member referee up on a date', async () => {
      const [ada, grace] = await Promise.all([1, 2].map(() => createMember(test)));
      const referral = await createReferral(test, {
        referrerId: ada.id,
        refereeId: grace.id,
        status: 'invited',
      });
      const response = await test
        .http()
        .patch(`/api/v1/referrals/${referral.id}`)
        .set('Authorization', test.keys.manager)
        .send({ signedUpAt: '2026-01-03' })
        .expect(200);
      expect(response.body).toMatchObject({
        status: 'signed_up',
        signedUpAt: '2026-01-03T00:00:00.000Z',
      });
    });

    it('deletes, then 404s', async () => {
      const ada = await createMember(test);
      const referral = await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: 'delete-me@example.org',
      });
      const remove = () =>
        test
          .http()
          .delete(`/api/v1/referrals/${referral.id}`)
          .set('Authorization', test.keys.manager);
      await remove().expect(204);
      await get(referral.id).expect(404);
      await remove().expect(404);
      // The person is free for another referrer afterwards.
      await createReferral(test, { referrerId: ada.id, refereeEmail: 'delete-me@example.org' });
    });
  });

  it('pages with a cursor', async () => {
    const ada = await createMember(test);
    for (const index of [1, 2, 3])
      await createReferral(test, {
        referrerId: ada.id,
        refereeEmail: `page-${index}@example.org`,
        invitedAt: `2026-04-0${index}`,
      });
    const first = await list({ referrerId: ada.id, limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((item) => item.refereeEmail)).toEqual([
      'page-3@example.org',
      'page-2@example.org',
    ]);
    const second = await list({ referrerId: ada.id, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((item) => item.refereeEmail)).toEqual(['page-1@example.org']);
    expect(second.nextCursor).toBeNull();
  });

  describe('bad input gets a 4xx naming the field and stores nothing', () => {
    let ada: Record<string, any>;
    beforeAll(async () => {
      ada = await createMember(test);
    });
    const cases: [string, Record<string, unknown>, number, string][] = [
      [
        'unknown referrer',
        { referrerId: '00000000-0000-4000-8000-000000000000' },
        422,
        'referrerId',
      ],
      [
        'unknown referee',
        { refereeExternalId: 'ghost', refereeEmail: undefined },
        422,
        'refereeExternalId',
      ],
      ['malformed referee email', { refereeEmail: 'not-an-email' }, 400, 'refereeEmail'],
      ['negative reward', { rewardCost: '-5.00' }, 400, 'rewardCost'],
      ['too many reward decimals', { rewardCost: '1.005' }, 400, 'rewardCost'],
      [
        'unknown reward currency',
        { rewardCost: '1', rewardCurrency: 'XXQ' },
        400,
        'rewardCurrency',
      ],
      ['no referee', { refereeEmail: undefined }, 400, 'refereeId'],
      ['referrer id not a UUID', { referrerId: '42' }, 400, 'referrerId'],
      ['invitation in the future', { invitedAt: '2099-01-01' }, 400, 'invitedAt'],
      ['unknown status', { status: 'paid' }, 400, 'status'],
      ['new referral already converted', { status: 'converted' }, 422, 'status'],
      ['signed_up without a member', { status: 'signed_up' }, 422, 'status'],
      [
        'signed up before invited',
        { refereeEmail: undefined, refereeExternalId: 'x' },
        422,
        'refereeExternalId',
      ],
      ['unknown field', { colour: 'red' }, 400, 'colour'],
      ['channel with spaces', { channel: 'word of mouth' }, 400, 'channel'],
    ];
    it.each(cases)('%s', async (_label, override, status, field) => {
      const before = (await list({ referrerId: ada.id })).total;
      const response = await post(
        buildReferral({ referrerId: ada.id, refereeEmail: 'bad-input@example.org', ...override }),
      );
      expect(response.status).toBe(status);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
        field,
      );
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:|SELECT|INSERT/);
      expect((await list({ referrerId: ada.id })).total).toBe(before);
    });

    it("refuses another member's code and a referee email that is not the named member's", async () => {
      const other = await createMember(test);
      const code = await post(
        buildReferral({
          referrerId: ada.id,
          refereeEmail: 'x@example.org',
          code: other.referralCode,
        }),
      ).expect(422);
      expect(code.body.details[0].field).toBe('code');
      const mismatch = await post(
        buildReferral({ referrerId: ada.id, refereeId: other.id, refereeEmail: 'x@example.org' }),
      ).expect(422);
      expect(mismatch.body.details[0].field).toBe('refereeEmail');
      const badId = await get('nope').expect(400);
      expect(badId.body.details[0].field).toBe('id');
    });
  });
});
