import { getDataSourceToken } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { ImportRegistry } from '../../src/imports/import-registry';
import { TestApp, createTestApp } from '../support/test-app';
import { buildPurchase, createMember, createPurchase, createReferral } from '../support/factories';

describe('referrals convert, link and void by themselves', () => {
  let test: TestApp;
  let sequence = 0;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  /** Members with clearly different emails, so that no similar_email flag gets in the way. */
  const person = (name: string) =>
    createMember(test, { email: `${name}.${(sequence += 1)}@${name}-mail.example` });
  const referralsOf = async (query: Record<string, unknown>) =>
    (
      await test
        .http()
        .get('/api/v1/referrals')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body.items as Record<string, any>[];
  const getReferral = async (id: string) =>
    (
      await test
        .http()
        .get(`/api/v1/referrals/${id}`)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body as Record<string, any>;
  const refund = (order: Record<string, any>, amount: string, occurredAt: string, suffix = 'r') =>
    createPurchase(test, {
      externalId: `${order.externalId}-${suffix}`,
      memberId: order.memberId,
      kind: 'refund',
      refundOf: order.externalId,
      amount,
      occurredAt,
    });

  it('says why a referral cannot convert when the referee bought before being invited', async () => {
    const ada = await person('ada');
    const email = `late.${(sequence += 1)}@late-mail.example`;
    const referral = await createReferral(test, {
      referrerId: ada.id,
      refereeEmail: email,
      invitedAt: '2026-03-01T00:00:00Z',
    });
    expect(referral.statusReason).toBeNull();
    // The invited person signs up, then their history arrives: a first order from February.
    const late = await createMember(test, { email });
    await createPurchase(test, { memberId: late.id, occurredAt: '2026-02-01T00:00:00Z' });
    expect(await getReferral(referral.id)).toMatchObject({
      status: 'signed_up',
      refereeId: late.id,
      statusReason: 'firstOrderBeforeInvitation',
      convertedAt: null,
    });
    // A later order does not convert it either: the first order stays before the invitation.
    await createPurchase(test, { memberId: late.id, occurredAt: '2026-04-01T00:00:00Z' });
    expect(await getReferral(referral.id)).toMatchObject({
      status: 'signed_up',
      statusReason: 'firstOrderBeforeInvitation',
    });
  });

  it("converts the referral on the referee's first order, dated by the order", async () => {
    const [ada, grace] = [await person('ada'), await person('grace')];
    const referral = await createReferral(test, { referrerId: ada.id, refereeId: grace.id });
    const order = await createPurchase(test, {
      memberId: grace.id,
      occurredAt: '2026-01-10T08:30:00Z',
    });
    await createPurchase(test, { memberId: grace.id, occurredAt: '2026-01-20T00:00:00Z' });
    expect(await getReferral(referral.id)).toMatchObject({
      status: 'converted',
      convertedAt: '2026-01-10T08:30:00.000Z',
      convertingPurchaseId: order.id,
      countsForValue: true,
    });
  });

  it('creates a converted referral from a code on a first order', async () => {
    const [ada, buyer] = [await person('ada'), await person('zoe')];
    const order = await createPurchase(test, {
      memberId: buyer.id,
      occurredAt: '2026-02-01T00:00:00Z',
      attribution: { referralCode: ada.referralCode.toLowerCase() },
    });
    const [referral] = await referralsOf({ refereeId: buyer.id });
    expect(referral).toMatchObject({
      referrerId: ada.id,
      refereeId: buyer.id,
      code: ada.referralCode,
      channel: 'code',
      status: 'converted',
      invitedAt: '2026-02-01T00:00:00.000Z',
      convertedAt: '2026-02-01T00:00:00.000Z',
      convertingPurchaseId: order.id,
      flags: [],
    });
  });

  it('keeps a code on a later order as attribution only', async () => {
    const [ada, buyer] = [await person('ada'), await person('yann')];
    await createPurchase(test, { memberId: buyer.id, occurredAt: '2026-02-01T00:00:00Z' });
    const second = await createPurchase(test, {
      memberId: buyer.id,
      occurredAt: '2026-02-05T00:00:00Z',
      attribution: { referralCode: ada.referralCode },
    });
    expect(second.attribution.referralCode).toBe(ada.referralCode);
    expect(await referralsOf({ refereeId: buyer.id })).toEqual([]);
  });

  it('converts the existing referrer, not the code owner, when the buyer already has one', async () => {
    const [ada, alan, buyer] = [await person('ada'), await person('alan'), await person('xena')];
    const existing = await createReferral(test, { referrerId: alan.id, refereeId: buyer.id });
    await createPurchase(test, {
      memberId: buyer.id,
      occurredAt: '2026-02-01T00:00:00Z',
      attribution: { referralCode: ada.referralCode },
    });
    const referrals = await referralsOf({ refereeId: buyer.id });
    expect(referrals.map((referral) => [referral.id, referral.status])).toEqual([
      [existing.id, 'converted'],
    ]);
    expect(await referralsOf({ referrerId: ada.id })).toEqual([]);
  });

  it('refuses nothing for a self-code or a code that would close a cycle, and creates no referral', async () => {
    const self = await person('sam');
    const order = await createPurchase(test, {
      memberId: self.id,
      occurredAt: '2026-02-01T00:00:00Z',
      attribution: { referralCode: self.referralCode },
    });
    expect(order.attribution.referralCode).toBe(self.referralCode);
    expect(await referralsOf({ refereeId: self.id })).toEqual([]);

    const [upstream, downstream] = [await person('uma'), await person('dan')];
    await createReferral(test, { referrerId: upstream.id, refereeId: downstream.id });
    await createPurchase(test, {
      memberId: upstream.id,
      occurredAt: '2026-02-01T00:00:00Z',
      attribution: { referralCode: downstream.referralCode },
    });
    expect(await referralsOf({ refereeId: upstream.id })).toEqual([]);
  });

  it('links a pending referee when a member signs up with that email, then converts', async () => {
    const ada = await person('ada');
    const pending = await createReferral(test, {
      referrerId: ada.id,
      refereeEmail: 'Late.Comer@latecomer.example',
    });
    expect(pending).toMatchObject({ status: 'invited', refereeId: null });
    const member = await createMember(test, { email: 'late.comer@LateComer.example' });
    const linked = await getReferral(pending.id);
    expect(linked).toMatchObject({ refereeId: member.id, status: 'signed_up' });
    expect(linked.signedUpAt).toBe(member.createdAt);
    await createPurchase(test, { memberId: member.id, occurredAt: '2026-11-20T00:00:00Z' });
    expect((await getReferral(pending.id)).status).toBe('converted');
  });

  describe('refunds', () => {
    const converted = async (name: string) => {
      const [referrer, referee] = [await person(`${name}-r`), await person(`${name}-e`)];
      const referral = await createReferral(test, {
        referrerId: referrer.id,
        refereeId: referee.id,
      });
      const order = await createPurchase(test, {
        memberId: referee.id,
        amount: '100.00',
        occurredAt: '2026-03-01T00:00:00Z',
      });
      return { referral, order };
    };

    it('voids the conversion when refunds bring the order to zero within the window', async () => {
      const { referral, order } = await converted('full');
      await refund(order, '40.00', '2026-03-05T00:00:00Z', 'r1');
      expect((await getReferral(referral.id)).status).toBe('converted');
      await refund(order, '60.00', '2026-03-31T00:00:00Z', 'r2');
      expect(await getReferral(referral.id)).toMatchObject({
        status: 'voided',
        voidedAt: '2026-03-31T00:00:00.000Z',
        countsForValue: false,
      });
    });

    it('keeps the conversion on a partial refund', async () => {
      const { referral, order } = await converted('partial');
      await refund(order, '99.99', '2026-03-02T00:00:00Z');
      expect(await getReferral(referral.id)).toMatchObject({ status: 'converted', voidedAt: null });
    });

    it('keeps the conversion when the full refund comes after the window', async () => {
      const { referral, order } = await converted('late');
      await refund(order, '100.00', '2026-04-01T00:00:01Z');
      expect((await getReferral(referral.id)).status).toBe('converted');
    });
  });

  it('imports referrals through the registered importer, idempotently', async () => {
    const [ada, grace] = [await person('ada'), await person('grace')];
    const importer = test.app.get(ImportRegistry).get('referrals')!;
    const dataSource = test.app.get<DataSource>(getDataSourceToken());
    const row = {
      externalId: 'import-ref-1',
      referrerExternalId: ada.externalId,
      refereeEmail: grace.email,
      invitedAt: '2026-01-01',
      rewardCost: '5.00',
    };
    const write = (body: Record<string, unknown>) =>
      dataSource.transaction((manager) =>
        importer.write(manager, plainToInstance(importer.dto, body)),
      );
    expect(await write(row)).toBe('created');
    expect(await write(row)).toBe('unchanged');
    expect(await write({ ...row, rewardCost: '7.50' })).toBe('updated');
    await expect(
      write({ ...row, refereeEmail: 'someone.else@else.example' }),
    ).rejects.toMatchObject({
      code: 'REFERRAL_EXISTS',
    });
    const [stored] = await referralsOf({ refereeId: grace.id });
    expect(stored).toMatchObject({ referrerId: ada.id, status: 'signed_up', rewardCost: '7.50' });
  });

  it('still records an order whose code is unknown', async () => {
    const buyer = await person('una');
    await test
      .http()
      .post('/api/v1/purchases')
      .set('Authorization', test.keys.manager)
      .send(buildPurchase({ memberId: buyer.id, attribution: { referralCode: 'NOPE-000000' } }))
      .expect(201);
    expect(await referralsOf({ refereeId: buyer.id })).toEqual([]);
  });
});
