import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { createMember, createPurchase, createReferral } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * Engagement counts real contributions: a referral earns its weight when its referee signs up
 * (at signedUpAt) and again when they convert (at convertedAt), a flagged one only once a
 * manager approves it; invitations, rejected and voided referrals earn nothing and are no
 * activity for recency.
 *
 * Half-life 90 days; weights from the operator's file under the old name `referral_invited`
 * 3 (now the sign-up's weight) and `referral_converted` 10. Tiers: Advocate (engagement ≥ 10,
 * active within 180 days), Promoter (active within 365 days), Customer. Everything as of
 * 2026-06-01. Six invitations at weight 3 would have scored 6 × 3 × 0.5^(7/90) = 17.06 and
 * made an Advocate.
 */
describe('engagement of referrals', () => {
  const AS_OF = '2026-06-01T00:00:00.000Z';
  let test: TestApp;
  const ids: Record<string, string> = {};
  const referrals: Record<string, string> = {};

  const post = (path: string, status = 201) =>
    test.http().post(path).set('Authorization', test.keys.manager).send({}).expect(status);
  const engagement = async (name: string) =>
    (
      await test
        .http()
        .get(`/api/v1/members/${ids[name]}/engagement`)
        .query({ asOf: AS_OF })
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;
  const snapshot = (name: string) =>
    test.app
      .get(DataSource)
      .getRepository(ValueSnapshot)
      .findOneByOrFail({ memberId: ids[name], asOfDate: AS_OF.slice(0, 10) });
  const recompute = async () => {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: AS_OF })
      .expect(200);
    expect(run.body.status).toBe('succeeded');
  };

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'halo-engagement-')), 'halo.json');
    writeFileSync(
      file,
      JSON.stringify({
        advocates: {
          engagement: {
            halfLifeDays: 90,
            weights: { referral_invited: 3, referral_converted: 10 },
          },
          tiers: [
            { name: 'Advocate', minEngagement: 10, maxRecencyDays: 180 },
            { name: 'Promoter', maxRecencyDays: 365 },
            { name: 'Customer' },
          ],
        },
      }),
    );
    test = await createTestApp({ HALO_CONFIG_FILE: file });
    const member = async (name: string, email = `${name}@${name}-mail.example`) =>
      (ids[name] = (await createMember(test, { name, email })).id);
    for (const name of ['jay', 'amy', 'cal', 'dee', 'vic', 'val', 'rex', 'reo']) await member(name);
    await member('rob', 'rob@mailinator.com');

    // jay: six invitations to disposable addresses a week before asOf, flagged and not approved.
    for (let index = 1; index <= 6; index += 1) {
      const referral = await createReferral(test, {
        referrerId: ids.jay,
        refereeEmail: `junk${index}@mailinator.com`,
        invitedAt: '2026-05-25T00:00:00Z',
      });
      expect(referral).toMatchObject({ status: 'invited', flags: expect.any(Array) });
      expect(referral.flags).toContain('disposable_domain');
      referrals[`jay${index}`] = referral.id;
    }
    // amy: rob (a disposable address) signed up 30 days before asOf; flagged.
    const amyReferral = await createReferral(test, {
      referrerId: ids.amy,
      refereeId: ids.rob,
      invitedAt: '2026-04-25T00:00:00Z',
      signedUpAt: '2026-05-02T00:00:00Z',
    });
    expect(amyReferral).toMatchObject({ status: 'signed_up', flags: ['disposable_domain'] });
    referrals.amy = amyReferral.id;
    // cal: dee signed up 60 days before asOf and converted 15 days before it.
    referrals.cal = (
      await createReferral(test, {
        referrerId: ids.cal,
        refereeId: ids.dee,
        invitedAt: '2026-03-20T00:00:00Z',
        signedUpAt: '2026-04-02T00:00:00Z',
      })
    ).id;
    await createPurchase(test, {
      memberId: ids.dee,
      amount: '40.00',
      occurredAt: '2026-05-17T00:00:00Z',
    });
    // vic: val signed up and converted, then refunded the converting order in full: voided.
    referrals.vic = (
      await createReferral(test, {
        referrerId: ids.vic,
        refereeId: ids.val,
        invitedAt: '2026-03-20T00:00:00Z',
        signedUpAt: '2026-04-02T00:00:00Z',
      })
    ).id;
    await createPurchase(test, {
      memberId: ids.val,
      externalId: 'val-first-order',
      amount: '40.00',
      occurredAt: '2026-05-10T00:00:00Z',
    });
    await createPurchase(test, {
      memberId: ids.val,
      kind: 'refund',
      refundOf: 'val-first-order',
      amount: '40.00',
      occurredAt: '2026-05-12T00:00:00Z',
    });
    // rex: reo signed up, then a manager rejected the referral.
    referrals.rex = (
      await createReferral(test, {
        referrerId: ids.rex,
        refereeId: ids.reo,
        invitedAt: '2026-03-20T00:00:00Z',
        signedUpAt: '2026-04-02T00:00:00Z',
      })
    ).id;
    await post(`/api/v1/referrals/${referrals.rex}/reject`, 200);
  });
  afterAll(() => test.close());

  it('gives six junk invitations no points and no activity: no Advocate tier', async () => {
    await recompute();
    const stored = await snapshot('jay');
    expect(stored).toMatchObject({ engagement: 0, lastActivityAt: null, tier: 'Customer' });
    expect(await engagement('jay')).toMatchObject({
      total: 0,
      activityCount: 0,
      lastActivityAt: null,
      tier: 'Customer',
      activities: [],
    });
    // Approved, an invitation still earns nothing: only a sign-up or a conversion does.
    for (let index = 1; index <= 6; index += 1)
      await post(`/api/v1/referrals/${referrals[`jay${index}`]}/approve`, 200);
    expect(await engagement('jay')).toMatchObject({ total: 0, lastActivityAt: null });
  });

  it('lets a flagged sign-up earn only once approved, dated at signedUpAt', async () => {
    expect(await engagement('amy')).toMatchObject({
      total: 0,
      lastActivityAt: null,
      activities: [],
    });
    await post(`/api/v1/referrals/${referrals.amy}/approve`, 200);
    const approved = await engagement('amy');
    // 3 × 0.5^(30 / 90) = 3 × 0.79370053 = 2.38110158
    expect(approved).toMatchObject({
      total: 2.3811,
      offPlatform: 2.3811,
      activityCount: 1,
      lastActivityAt: '2026-05-02T00:00:00.000Z',
      activities: [
        {
          type: 'referral_signed_up',
          id: referrals.amy,
          platform: null,
          occurredAt: '2026-05-02T00:00:00.000Z',
          ageDays: 30,
          weight: 3,
          points: 2.3811,
        },
      ],
    });
    // The old weight name is read as the sign-up's; invitations have no weight of their own.
    expect(approved.weights).toMatchObject({ referral_signed_up: 3, referral_converted: 10 });
    expect(approved.weights).not.toHaveProperty('referral_invited');
    await recompute();
    const stored = await snapshot('amy');
    expect(stored.engagement).toBeCloseTo(2.38110158, 6);
    expect(stored).toMatchObject({ lastActivityAt: Date.parse('2026-05-02'), tier: 'Promoter' });
  });

  it('counts a sign-up and a conversion each at its own date', async () => {
    const cal = await engagement('cal');
    // 10 × 0.5^(15 / 90) = 8.90898718 at convertedAt; 3 × 0.5^(60 / 90) = 1.88988157 at
    // signedUpAt; 10.79886876 in all.
    expect(cal).toMatchObject({
      total: 10.7989,
      activityCount: 2,
      lastActivityAt: '2026-05-17T00:00:00.000Z',
      activities: [
        {
          type: 'referral_converted',
          id: referrals.cal,
          occurredAt: '2026-05-17T00:00:00.000Z',
          ageDays: 15,
          weight: 10,
          points: 8.909,
        },
        {
          type: 'referral_signed_up',
          id: referrals.cal,
          occurredAt: '2026-04-02T00:00:00.000Z',
          ageDays: 60,
          weight: 3,
          points: 1.8899,
        },
      ],
    });
    const stored = await snapshot('cal');
    expect(stored.engagement).toBeCloseTo(10.79886876, 6);
    expect(stored).toMatchObject({ lastActivityAt: Date.parse('2026-05-17'), tier: 'Advocate' });
  });

  it('gives voided and rejected referrals nothing, neither the sign-up nor the conversion', async () => {
    const referral = await test
      .http()
      .get(`/api/v1/referrals/${referrals.vic}`)
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(referral.body.status).toBe('voided');
    for (const name of ['vic', 'rex']) {
      expect(await engagement(name)).toMatchObject({
        total: 0,
        lastActivityAt: null,
        activities: [],
      });
      expect(await snapshot(name)).toMatchObject({
        engagement: 0,
        lastActivityAt: null,
        tier: 'Customer',
      });
    }
  });
});
