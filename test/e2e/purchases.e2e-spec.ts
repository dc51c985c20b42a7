import { TestApp, createTestApp } from '../support/test-app';
import { buildPurchase, createMember, createPurchase } from '../support/factories';

describe('purchases', () => {
  let test: TestApp;
  let member: Record<string, any>;
  beforeAll(async () => {
    test = await createTestApp({ CURRENCY_RATES: 'USD=0.92,JPY=0.0061' });
    member = await createMember(test, { externalId: 'buyer-1' });
  });
  afterAll(() => test.close());

  const post = (body: Record<string, unknown>) =>
    test.http().post('/api/v1/purchases').set('Authorization', test.keys.manager).send(body);
  const count = async (query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get('/api/v1/purchases')
        .query({ memberId: member.id, ...query })
        .set('Authorization', test.keys.viewer)
    ).body.total as number;

  it('stores decimal amounts as minor units and converts to the base currency', async () => {
    const created = await post(
      buildPurchase({ memberExternalId: 'buyer-1', amount: 19.99, currency: 'USD' }),
    ).expect(201);
    expect(created.body).toMatchObject({
      amount: '19.99',
      currency: 'USD',
      baseAmount: '18.39',
      baseCurrency: 'EUR',
      rate: '0.92',
      kind: 'order',
    });
    const yen = await post(
      buildPurchase({ memberId: member.id, amount: '1500', currency: 'JPY' }),
    ).expect(201);
    expect(yen.body).toMatchObject({ amount: '1500', baseAmount: '9.15' });
  });

  it('accepts a free order', async () => {
    const free = await post(buildPurchase({ memberId: member.id, amount: '0' })).expect(201);
    expect(free.body.amount).toBe('0.00');
  });

  it('is idempotent on externalId: same content 200, other content 409', async () => {
    const body = buildPurchase({ memberId: member.id });
    const first = await post(body).expect(201);
    const again = await post(body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const before = await count();
    const changed = await post({ ...body, amount: '50.00' }).expect(409);
    expect(changed.body).toMatchObject({
      code: 'PURCHASE_EXISTS',
      details: [expect.objectContaining({ field: 'externalId' })],
    });
    expect(await count()).toBe(before);
  });

  it('refunds at most what is left of the order, at the order rate', async () => {
    const order = await createPurchase(test, {
      memberId: member.id,
      amount: '100.00',
      currency: 'USD',
    });
    const refund = (amount: string, externalId: string) =>
      post({
        externalId,
        memberId: member.id,
        kind: 'refund',
        refundOf: order.externalId,
        amount,
        currency: 'USD',
        occurredAt: '2026-01-20T00:00:00Z',
      });
    const first = await refund('60.00', `${order.externalId}-r1`).expect(201);
    expect(first.body).toMatchObject({
      kind: 'refund',
      refundOf: order.externalId,
      baseAmount: '55.20',
      rate: '0.92',
    });
    const tooMuch = await refund('40.01', `${order.externalId}-r2`).expect(422);
    expect(tooMuch.body.details[0]).toMatchObject({ field: 'amount', code: 'refundExceedsOrder' });
    await refund('40.00', `${order.externalId}-r3`).expect(201);
    expect(await count({ kind: 'refund' })).toBe(2);
  });

  it('requires refundOf for a refund and refuses it on an order; refundOf alone is a refund', async () => {
    const missing = await post(buildPurchase({ memberId: member.id, kind: 'refund' })).expect(400);
    expect(missing.body.details[0].field).toBe('refundOf');
    const onOrder = await post(
      buildPurchase({ memberId: member.id, kind: 'order', refundOf: 'x' }),
    ).expect(400);
    expect(onOrder.body.details[0].field).toBe('refundOf');
    // Without kind, refundOf makes it a refund: of an order that does not exist here.
    const implied = await post(buildPurchase({ memberId: member.id, refundOf: 'x' })).expect(422);
    expect(implied.body.details[0]).toMatchObject({ field: 'refundOf' });
    const unknown = await post(
      buildPurchase({ memberId: member.id, kind: 'refund', refundOf: 'nope' }),
    ).expect(422);
    expect(unknown.body.details[0].field).toBe('refundOf');
  });

  it('refuses a currency with no rate, naming it', async () => {
    const response = await post(buildPurchase({ memberId: member.id, currency: 'GBP' })).expect(
      422,
    );
    expect(response.body).toMatchObject({
      code: 'CURRENCY_WITHOUT_RATE',
      details: [expect.objectContaining({ field: 'currency' })],
    });
    expect(response.body.message).toContain('GBP');
  });

  it('stores attribution as sent and filters by date range', async () => {
    const attributed = await post(
      buildPurchase({
        memberId: member.id,
        occurredAt: '2025-06-01T00:00:00Z',
        attribution: { referralCode: 'ada-7k3p9q', mentionUrl: 'https://example.com/p/1' },
      }),
    ).expect(201);
    expect(attributed.body.attribution).toMatchObject({
      referralCode: 'ADA-7K3P9Q',
      mentionUrl: 'https://example.com/p/1',
      reviewId: null,
    });
    const june = await test
      .http()
      .get('/api/v1/purchases')
      .query({ from: '2025-06-01', to: '2025-06-02' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(june.body.items.map((item: { id: string }) => item.id)).toEqual([attributed.body.id]);
  });

  describe('bad input gets a 4xx naming the field and stores nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['negative amount', { amount: '-5.00' }, 'amount'],
      ['too many decimals', { amount: '1.999' }, 'amount'],
      ['too many decimals for JPY', { amount: '10.5', currency: 'JPY' }, 'amount'],
      ['1e309', { amount: '1e309' }, 'amount'],
      ['NaN', { amount: 'NaN' }, 'amount'],
      ['Infinity', { amount: 'Infinity' }, 'amount'],
      ['amount of the wrong type', { amount: true }, 'amount'],
      ['unknown currency', { currency: 'XXQ' }, 'currency'],
      ['date that is not ISO 8601', { occurredAt: '03/01/2026' }, 'occurredAt'],
      ['date in the future', { occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt'],
      ['unknown member', { memberId: '00000000-0000-4000-8000-000000000000' }, 'memberId'],
      [
        'unknown member externalId',
        { memberId: undefined, memberExternalId: 'ghost' },
        'memberExternalId',
      ],
      ['unknown field', { colour: 'red' }, 'colour'],
      ['unknown attribution field', { attribution: { coupon: 'X' } }, 'attribution.coupon'],
      ['wrong kind', { kind: 'gift' }, 'kind'],
      ['externalId of the wrong type', { externalId: 42 }, 'externalId'],
    ];
    it.each(cases)('%s', async (_label, override, field) => {
      const before = await count();
      const response = await post(buildPurchase({ memberId: member.id, ...override }));
      expect([400, 422]).toContain(response.status);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
        field,
      );
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:|SELECT|INSERT/);
      expect(await count()).toBe(before);
    });

    it('1e309 as a JSON number', async () => {
      const response = await test
        .http()
        .post('/api/v1/purchases')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'application/json')
        .send(
          `{"externalId":"big","memberId":"${member.id}","amount":1e309,"currency":"EUR","occurredAt":"2026-01-01"}`,
        )
        .expect(400);
      expect(response.body.details[0].field).toBe('amount');
    });
  });
});
