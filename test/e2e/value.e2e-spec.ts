import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { TestApp, createTestApp } from '../support/test-app';
import {
  buildFeedback,
  buildReview,
  createMember,
  createPurchase,
  createReferral,
} from '../support/factories';

/** The worked examples, end to end through the API, checked to the cent (simple formula: < 50 repeat buyers). */
describe('value engine through the API', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  const as = (role: 'manager' | 'viewer' = 'manager') => test.keys[role];
  const recompute = async (asOf: string) => {
    const response = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', as())
      .send({ asOf })
      .expect(200);
    expect(response.body).toMatchObject({ status: 'succeeded', method: 'simple' });
    return response.body;
  };
  const value = async (name: string) =>
    (
      await test
        .http()
        .get(`/api/v1/members/${ids[name]}/value`)
        .set('Authorization', as('viewer'))
        .expect(200)
    ).body;

  beforeAll(async () => {
    test = await createTestApp();
    for (const name of [
      'buyer',
      'referrer',
      'bert',
      'carla',
      'dora',
      'author',
      'xavier',
      'yvonne',
      'zeno',
      'thinker',
    ]) {
      const member = await createMember(test, { email: `${name}@${name}-mail.example`, name });
      ids[name] = member.id;
      codes[name] = member.referralCode;
    }
    // A member who only buys.
    await createPurchase(test, {
      memberId: ids.buyer,
      amount: '100.00',
      occurredAt: '2026-01-01T10:00:00Z',
    });
    await createPurchase(test, {
      memberId: ids.buyer,
      amount: '50.00',
      occurredAt: '2026-03-01T10:00:00Z',
      externalId: 'buyer-second',
    });
    // A referrer of bert and carla; bert later refers dora. Rewards 10.00 each; orders convert the referrals.
    await createReferral(test, {
      referrerId: ids.referrer,
      refereeId: ids.bert,
      rewardCost: '10.00',
      rewardCurrency: 'EUR',
      invitedAt: '2025-12-01',
    });
    await createReferral(test, {
      referrerId: ids.referrer,
      refereeId: ids.carla,
      rewardCost: '10.00',
      rewardCurrency: 'EUR',
      invitedAt: '2025-12-01',
    });
    await createReferral(test, {
      referrerId: ids.bert,
      refereeId: ids.dora,
      rewardCost: '10.00',
      rewardCurrency: 'EUR',
      invitedAt: '2026-04-01',
    });
    await createPurchase(test, {
      memberId: ids.bert,
      amount: '200.00',
      occurredAt: '2026-03-23T10:00:00Z',
    }); // T = 100 days
    await createPurchase(test, {
      memberId: ids.carla,
      amount: '100.00',
      occurredAt: '2026-06-01T10:00:00Z',
    }); // T = 30
    await createPurchase(test, {
      memberId: ids.dora,
      amount: '50.00',
      occurredAt: '2026-06-21T10:00:00Z',
    }); // T = 10
    // A review cited by three purchases; the third also carries the author's referral code.
    const review = await test
      .http()
      .post('/api/v1/reviews')
      .set('Authorization', as())
      .send(buildReview({ memberId: ids.author, views: 0, publishedAt: '2026-05-01T00:00:00Z' }))
      .expect(201);
    ids.review = review.body.id;
    await createPurchase(test, {
      memberId: ids.xavier,
      amount: '100.00',
      occurredAt: '2026-05-10T10:00:00Z',
      attribution: { reviewId: ids.review },
    });
    await createPurchase(test, {
      memberId: ids.yvonne,
      amount: '200.00',
      occurredAt: '2026-05-15T10:00:00Z',
      attribution: { reviewId: ids.review },
    });
    await createPurchase(test, {
      memberId: ids.zeno,
      amount: '50.00',
      occurredAt: '2026-05-20T10:00:00Z',
      attribution: { reviewId: ids.review, referralCode: codes.author },
    });
    // Feedback: one accepted, one shipped.
    const post = (body: object) =>
      test.http().post('/api/v1/feedback').set('Authorization', as()).send(body).expect(201);
    const accepted = await post(buildFeedback({ memberId: ids.thinker }));
    const shipped = await post(buildFeedback({ memberId: ids.thinker }));
    const patch = (id: string, body: object) =>
      test.http().patch(`/api/v1/feedback/${id}`).set('Authorization', as()).send(body).expect(200);
    await patch(accepted.body.id, { status: 'accepted', acceptedAt: '2026-02-01T00:00:00Z' });
    await patch(shipped.body.id, { status: 'accepted', acceptedAt: '2026-02-01T00:00:00Z' });
    await patch(shipped.body.id, { status: 'shipped', shippedAt: '2026-03-01T00:00:00Z' });
    await recompute('2026-07-01');
  });
  afterAll(() => test.close());

  // The simple formula at 2026-07-01. Buyers: buyer (x 1, T 181), bert (T 100), carla (30),
  // dora (10), xavier (52), yvonne (47), zeno (42): Σ x = 1, Σ T = 462, f̄ = 1/462 a day, and
  // k·f̄ = 365/462 = 0.790043. Nobody has lapsed, so 3 years are assumed: 36 months at 10 % a
  // year are worth Σ_{k=1..36} 1.1^(−k/12) = 31.186458 months. Per member:
  // orders a year = 365.25 × (x + 0.790043) / (T + 365),
  // predicted = AOV × 0.3 × orders a year / 12 × 31.186458.
  it('a member who only buys: realized margin and the simple formula', async () => {
    const buyer = await value('buyer');
    // 365.25 × 1.790043 / 546 = 1.197460 a year; 75.00 × 0.3 × 1.197460 / 12 × 31.186458 = 70.02
    // (272.42 before: 2 purchase days over 181 days, 3 years undiscounted).
    expect(buyer).toMatchObject({
      asOf: '2026-07-01T00:00:00.000Z',
      currency: 'EUR',
      extendedValue: '115.02',
      components: {
        spend: { value: '115.02', realized: '45.00', predicted: '70.02', method: 'simple' },
        referral: { value: '0.00' },
        influence: { value: '0.00' },
        knowledge: { value: '0.00' },
      },
    });
    expect(buyer.coefficients).toMatchObject({ margin: 0.3, joinAnyway: 0.3 });
    expect(buyer.drivers[0]).toMatchObject({
      component: 'spend',
      kind: 'prediction',
      amount: '70.02',
    });
  });

  it('a referrer of two, one of whom refers another: first and second degree', async () => {
    // bert: 365.25 × 0.790043 / 465 = 0.620566 a year; 200 × 0.3 × 0.620566 / 12 × 31.186458
    // = 96.77, + 60.00 realized. carla: / 395 = 0.730540 → 56.96 + 30.00. dora: / 375 =
    // 0.769502 → 30.00 + 15.00. (Before, with the 30-day floor: 717.45, 1125.75, 562.88.)
    expect((await value('bert')).components.spend.value).toBe('156.77');
    expect((await value('carla')).components.spend.value).toBe('86.96');
    expect((await value('dora')).components.spend.value).toBe('45.00');
    // (156.77 × 0.7 + 25 − 10) + (86.96 × 0.7 + 25 − 10) + 0.5 × 45.00 × 0.7 = 216.361
    expect((await value('referrer')).components.referral.value).toBe('216.36');
    // 45.00 × 0.7 + 25 − 10 = 46.50; extended 156.77 + 46.50
    expect((await value('bert')).components.referral.value).toBe('46.50');
    expect((await value('bert')).extendedValue).toBe('203.27');
  });

  it('explains the referrer in words with names, never ids, and serves amounts in major units', async () => {
    const referrer = await value('referrer');
    // Advocacy = referral + influence + knowledge = 216.36 (see above).
    expect(referrer.advocacyValue).toBe('216.36');
    // The default tiers: €216.36 of advocacy holds Advocate's €100 (active within a year: the
    // referrals' sign-ups and conversions); Champion misses €500 of advocacy and engagement 10.
    expect(referrer.tier).toBe('Advocate');
    expect(referrer.tierReason.next).toMatchObject({
      tier: 'Champion',
      missing: expect.arrayContaining([
        { threshold: 'minAdvocacyValue', required: '500.00', actual: '216.36' },
      ]),
    });
    expect(referrer.tierReason.text).toMatch(/^Advocate: advocacy value €216 \(at least €100\)/);
    const labels = referrer.drivers.map((driver: { label: string }) => driver.label);
    // bert spent 200.00 and brought 156.77 × 0.7 + 25 − 10 = 124.74; carla 100.00 and 75.87;
    // dora, referred by bert, 0.5 × 45.00 × 0.7 = 15.75. Amounts from 100 read in whole euros.
    expect(labels).toEqual(
      expect.arrayContaining([
        'Referred bert, who has spent €200 so far; €125 credited',
        'Referred carla, who has spent €100 so far; €75.87 credited',
        '1 person referred by their referees; €15.75 credited',
      ]),
    );
    for (const label of labels) expect(label).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const italian = (
      await test
        .http()
        .get(`/api/v1/members/${ids.referrer}/value`)
        .query({ lang: 'it' })
        .set('Authorization', as('viewer'))
        .expect(200)
    ).body;
    expect(italian.drivers.map((driver: { label: string }) => driver.label)).toContain(
      'Ha portato bert, che finora ha speso 200\u00a0€; 125\u00a0€ attribuiti',
    );
    // Coefficients in major units under their configured names; the spend's revenue beside its margin.
    expect(referrer.coefficients).toMatchObject({ defaultCac: '25.00' });
    expect(referrer.coefficients.defaultCacMinor).toBeUndefined();
    expect((await value('bert')).components.spend).toMatchObject({
      value: '156.77',
      revenue: '200.00',
    });
  });

  it('a review cited by three purchases: the one that converted a referral counts only as referral value', async () => {
    const author = await value('author');
    // 30 % of 100.00 + 30 % of 200.00; zeno's order is referral value. zeno (50.00, T 42):
    // 365.25 × 0.790043 / 407 = 0.709001 a year → 27.64 predicted + 15.00 realized = 42.64;
    // 42.64 × 0.7 + 25.00 = 54.848 (309.44 before, on zeno's 406.34).
    expect(author.components.influence).toMatchObject({
      value: '90.00',
      measured: '90.00',
      modeled: '0.00',
    });
    expect(author.components.referral.value).toBe('54.85');
    expect(author.extendedValue).toBe('144.85');
    expect(author.drivers.map((driver: { kind: string }) => driver.kind).sort()).toEqual([
      'referral',
      'review',
    ]);
  });

  it('a member with shipped feedback', async () => {
    expect((await value('thinker')).components.knowledge.value).toBe('120.00');
  });

  it('keeps dated snapshots; a backdated run adds history and the current value stays the latest', async () => {
    await recompute('2026-04-01');
    const history = await test
      .http()
      .get(`/api/v1/members/${ids.buyer}/value/history`)
      .set('Authorization', as('viewer'))
      .expect(200);
    expect(history.body.items.map((point: { asOfDate: string }) => point.asOfDate)).toEqual([
      '2026-04-01',
      '2026-07-01',
    ]);
    expect((await value('buyer')).asOf).toBe('2026-07-01T00:00:00.000Z');
    // asOf 2026-04-01: bert's order counted, carla's and dora's not yet.
    expect(history.body.items[0].spend).not.toBe(history.body.items[1].spend);
  });

  it('refunds, deleted activity and re-runs of the same date change the values', async () => {
    await test
      .http()
      .delete(`/api/v1/reviews/${ids.review}`)
      .set('Authorization', as())
      .expect(204);
    await createPurchase(test, {
      memberId: ids.buyer,
      kind: 'refund',
      refundOf: 'buyer-second',
      amount: '50.00',
      occurredAt: '2026-03-05T10:00:00Z',
    });
    // A row of the date for a member the re-run no longer values: merged away after a run
    // that raced the merge wrote it.
    const snapshots = test.app.get(DataSource).getRepository(ValueSnapshot);
    const buyerRow = await snapshots.findOneByOrFail({
      memberId: ids.buyer,
      asOfDate: '2026-07-01',
    });
    const [survivor, stray] = [await createMember(test), await createMember(test)];
    await test
      .http()
      .post(`/api/v1/members/${survivor.id}/merge`)
      .set('Authorization', as())
      .send({ otherMemberId: stray.id })
      .expect(200);
    await snapshots.insert({ ...buyerRow, id: randomUUID(), memberId: stray.id });
    const run = await recompute('2026-07-01');
    expect((await value('author')).components.influence.value).toBe('0.00');
    expect((await value('buyer')).components.spend.realized).toBe('30.00');
    // Replaced when the re-run completed: the new run's row alone; the stray row is gone.
    const rewritten = await snapshots.findOneByOrFail({
      memberId: ids.buyer,
      asOfDate: '2026-07-01',
    });
    expect(rewritten.runId).toBe(run.id);
    expect(await snapshots.countBy({ id: buyerRow.id })).toBe(0);
    expect(rewritten.spendRealizedMinor).not.toBe(buyerRow.spendRealizedMinor);
    expect(await snapshots.countBy({ memberId: stray.id })).toBe(0);
    expect(await snapshots.countBy({ asOfDate: '2026-07-01', runId: run.id })).toBe(
      await snapshots.countBy({ asOfDate: '2026-07-01' }),
    );
    const history = await test
      .http()
      .get(`/api/v1/members/${ids.buyer}/value/history`)
      .set('Authorization', as('viewer'))
      .expect(200);
    expect(history.body.total).toBe(2);
  });

  it('reports the model and refuses a future asOf and a value never computed', async () => {
    const model = await test
      .http()
      .get('/api/v1/model')
      .set('Authorization', as('viewer'))
      .expect(200);
    expect(model.body).toMatchObject({
      method: 'simple',
      timeUnit: 'days',
      bgnbd: null,
      data: { customers: expect.any(Number) },
    });
    expect(model.body.reason).toContain('minRepeatBuyers');
    const future = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', as())
      .send({ asOf: '2099-01-01' })
      .expect(400);
    expect(future.body.details[0].field).toBe('asOf');
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', as('viewer'))
      .send({})
      .expect(403);
    const newcomer = await createMember(test);
    const missing = await test
      .http()
      .get(`/api/v1/members/${newcomer.id}/value`)
      .set('Authorization', as('viewer'))
      .expect(404);
    expect(missing.body.code).toBe('VALUE_NOT_COMPUTED');
  });
});
