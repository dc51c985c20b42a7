import { haloSignatureOf, shopSignature, webhookFixture } from '../support/webhook-signing';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * Inbound webhooks (issue #14, DESIGN.md Webhooks): Shopify, WooCommerce and Halo's generic
 * signed format, each checked by its HMAC over the raw body, written through the API's own
 * services, idempotent on the shop's ids. Payloads: test/fixtures/webhooks (vendor schemas).
 */
describe('inbound webhooks', () => {
  let test: TestApp;
  const SHOPIFY_SECRET = 'shopify-shared-secret-0123456789';
  const WOO_SECRET = 'woo-shared-secret-0123456789';
  let shopify: Record<string, any>;
  let woo: Record<string, any>;
  let generic: Record<string, any>;

  const admin = () => test.keys.admin;
  const post = (sourceId: string) =>
    test.http().post(`/api/v1/webhooks/${sourceId}`).set('Content-Type', 'application/json');
  const fromShopify = (topic: string, body: string, secret = SHOPIFY_SECRET) =>
    post(shopify.id)
      .set('X-Shopify-Topic', topic)
      .set('X-Shopify-Hmac-Sha256', shopSignature(secret, body))
      .send(body);
  const genericDelivery = (body: string, secret: string, at = Date.now()) => {
    const timestamp = String(Math.floor(at / 1000));
    return post(generic.id)
      .set('X-Halo-Timestamp', timestamp)
      .set('X-Halo-Signature', haloSignatureOf(secret, timestamp, body))
      .send(body);
  };
  const purchase = async (externalId: string) => {
    const response = await test
      .http()
      .get('/api/v1/purchases')
      .query({ limit: 200 })
      .set('Authorization', test.keys.viewer);
    return (response.body.items as Record<string, any>[]).filter(
      (item) => item.externalId === externalId,
    );
  };
  const createSource = async (body: object) => {
    const response = await test
      .http()
      .post('/api/v1/webhook-sources')
      .set('Authorization', admin())
      .send(body);
    expect(response.status).toBe(201);
    return response.body as Record<string, any>;
  };

  beforeAll(async () => {
    test = await createTestApp({ WEBHOOKS_SCHEDULER: 'false' });
    shopify = await createSource({ kind: 'shopify', name: 'Shop', secret: SHOPIFY_SECRET });
    woo = await createSource({ kind: 'woocommerce', name: 'Woo', secret: WOO_SECRET });
    generic = await createSource({ kind: 'generic', name: 'CRM' });
  });

  afterAll(() => test.close());

  it('creates sources for admins only, shows a generic secret once and never a shop secret', async () => {
    expect(shopify.url).toMatch(new RegExp(`/api/v1/webhooks/${shopify.id}$`));
    expect(shopify.secret).toBeUndefined();
    expect(generic.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const missing = await test
      .http()
      .post('/api/v1/webhook-sources')
      .set('Authorization', admin())
      .send({ kind: 'shopify', name: 'No secret' });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('secret');
    const manager = await test
      .http()
      .post('/api/v1/webhook-sources')
      .set('Authorization', test.keys.manager)
      .send({ kind: 'generic', name: 'x' });
    expect(manager.status).toBe(403);
    const list = await test.http().get('/api/v1/webhook-sources').set('Authorization', admin());
    expect(list.body.total).toBe(3);
    expect(JSON.stringify(list.body)).not.toContain(SHOPIFY_SECRET);
    expect(JSON.stringify(list.body)).not.toContain(generic.secret);
  });

  it('stores a paid Shopify order once: the buyer created by email, a replay answers 200 unchanged', async () => {
    const body = webhookFixture('shopify-order-paid.json');
    const first = await fromShopify('orders/create', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      outcome: 'created',
      type: 'purchases',
      externalId: 'shopify:820982911946154508',
    });
    const replay = await fromShopify('orders/create', body);
    expect([replay.status, replay.body.outcome]).toEqual([200, 'unchanged']);
    const paid = await fromShopify('orders/paid', body);
    expect([paid.status, paid.body.outcome]).toEqual([200, 'unchanged']);
    const stored = await purchase('shopify:820982911946154508');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      amount: '398.00',
      currency: 'EUR',
      kind: 'order',
      product: 'Trail runner',
      occurredAt: '2026-11-30T15:15:00.000Z',
    });
    const member = await test
      .http()
      .get(`/api/v1/members/${stored[0].memberId}`)
      .set('Authorization', test.keys.viewer);
    expect(member.body).toMatchObject({
      email: 'jon@example.com',
      externalId: 'shopify:115310627314723954',
      name: 'Jon Snow',
    });
    // The audit names the source as the actor of each delivery (the entry follows the answer).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const audit = await test
      .http()
      .get('/api/v1/audit?action=webhook.receive')
      .set('Authorization', admin())
      .expect(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
    expect(audit.body.items[0].actor).toMatchObject({
      kind: 'webhookSource',
      keyId: shopify.id,
      keyName: shopify.name,
    });
  });

  it('ignores an order that is not paid yet', async () => {
    const order = JSON.parse(webhookFixture('shopify-order-paid.json'));
    const body = JSON.stringify({ ...order, id: 450789469, financial_status: 'pending' });
    const response = await fromShopify('orders/create', body);
    expect([response.status, response.body.outcome]).toEqual([200, 'ignored']);
    expect(await purchase('shopify:450789469')).toHaveLength(0);
  });

  it('refuses a forged, a tampered and a missing signature with 401 in the house shape', async () => {
    const body = webhookFixture('shopify-order-paid.json');
    const forged = await fromShopify('orders/create', body, 'not-the-secret-at-all');
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({
      statusCode: 401,
      code: 'WEBHOOK_SIGNATURE_INVALID',
      details: [{ field: 'x-shopify-hmac-sha256', code: 'signatureInvalid' }],
    });
    expect(forged.body.requestId).toEqual(expect.any(String));
    const tampered = await post(shopify.id)
      .set('X-Shopify-Topic', 'orders/create')
      .set('X-Shopify-Hmac-Sha256', shopSignature(SHOPIFY_SECRET, body))
      .send(body.replace('398.00', '1.00'));
    expect(tampered.status).toBe(401);
    const unsigned = await post(shopify.id).set('X-Shopify-Topic', 'orders/create').send(body);
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
  });

  it('stores a Shopify refund as a refund of its order, once', async () => {
    const body = webhookFixture('shopify-refund.json');
    const first = await fromShopify('refunds/create', body);
    expect(first.status).toBe(201);
    const replay = await fromShopify('refunds/create', body);
    expect([replay.status, replay.body.outcome]).toEqual([200, 'unchanged']);
    const [refund] = await purchase('shopify:refund:509562969');
    expect(refund).toMatchObject({
      kind: 'refund',
      amount: '199.00',
      currency: 'EUR',
      refundOf: 'shopify:820982911946154508',
    });
  });

  it('stores a paid WooCommerce order at its line totals; a ping stores nothing', async () => {
    const body = webhookFixture('woocommerce-order.json');
    const response = await post(woo.id)
      .set('X-WC-Webhook-Topic', 'order.created')
      .set('X-WC-Webhook-Signature', shopSignature(WOO_SECRET, body))
      .send(body);
    expect(response.status).toBe(201);
    const [order] = await purchase(`woocommerce:${woo.id}:727`);
    expect(order).toMatchObject({
      amount: '50.00',
      product: null,
      occurredAt: '2026-12-02T10:30:04.000Z',
    });
    const ping = await post(woo.id)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-WC-Webhook-Signature', shopSignature(WOO_SECRET, 'webhook_id=12'))
      .send('webhook_id=12');
    expect([ping.status, ping.body.outcome]).toEqual([200, 'ignored']);
    const forged = await post(woo.id)
      .set('X-WC-Webhook-Topic', 'order.created')
      .set('X-WC-Webhook-Signature', shopSignature(SHOPIFY_SECRET, body))
      .send(body);
    expect(forged.status).toBe(401);
  });

  it('takes any importable record signed generically; a stale timestamp is refused', async () => {
    const body = JSON.stringify({
      type: 'members',
      record: { externalId: 'crm-77', email: 'gina@example.com', name: 'Gina' },
    });
    const created = await genericDelivery(body, generic.secret);
    expect([created.status, created.body.outcome, created.body.type]).toEqual([
      201,
      'created',
      'members',
    ]);
    const replay = await genericDelivery(body, generic.secret);
    expect([replay.status, replay.body.outcome]).toEqual([200, 'unchanged']);
    const stale = await genericDelivery(body, generic.secret, Date.now() - 6 * 60_000);
    expect([stale.status, stale.body.code]).toEqual([401, 'WEBHOOK_TIMESTAMP_STALE']);
    const invalid = await genericDelivery(
      JSON.stringify({ type: 'purchases', record: { externalId: 'g-1', amount: 'x' } }),
      generic.secret,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining(['record.amount', 'record.currency']),
    );
    const unknownType = await genericDelivery(
      JSON.stringify({ type: 'pets', record: {} }),
      generic.secret,
    );
    expect([unknownType.status, unknownType.body.code]).toEqual([422, 'WEBHOOK_PAYLOAD_INVALID']);
  });

  it('refuses a disabled source with 403 and a rotated secret takes over at once', async () => {
    const body = JSON.stringify({ type: 'members', record: { email: 'rota@example.com' } });
    const disabled = await test
      .http()
      .patch(`/api/v1/webhook-sources/${generic.id}`)
      .set('Authorization', admin())
      .send({ enabled: false });
    expect(disabled.body.enabled).toBe(false);
    const refused = await genericDelivery(body, generic.secret);
    expect([refused.status, refused.body.code]).toEqual([403, 'WEBHOOK_SOURCE_DISABLED']);
    await test
      .http()
      .patch(`/api/v1/webhook-sources/${generic.id}`)
      .set('Authorization', admin())
      .send({ enabled: true });
    const rotated = await test
      .http()
      .post(`/api/v1/webhook-sources/${generic.id}/rotate-secret`)
      .set('Authorization', admin())
      .send({});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(generic.secret);
    expect((await genericDelivery(body, generic.secret)).status).toBe(401);
    expect((await genericDelivery(body, rotated.body.secret as string)).status).toBe(201);
    const unknown = await post('5f0c2a9e-1b2c-4d3e-8f40-0123456789ab').send(body);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'WEBHOOK_SOURCE_NOT_FOUND']);
  });

  it('bounds the body: more than the body limit is 413 before any signature check', async () => {
    const huge = JSON.stringify({ type: 'members', record: { note: 'x'.repeat(1_100_000) } });
    const response = await post(shopify.id).set('X-Shopify-Topic', 'orders/create').send(huge);
    expect([response.status, response.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('refuses an outbound subscription to a loopback or private address by default', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'http://10.0.0.7/hook']) {
      const response = await test
        .http()
        .post('/api/v1/webhook-subscriptions')
        .set('Authorization', admin())
        .send({ url, events: ['tier.changed'] });
      expect([response.status, response.body.code]).toEqual([422, 'WEBHOOK_TARGET_REFUSED']);
    }
  });

  // Last: from here on this address is limited, for keys too.
  it('counts bad signatures as failed authentications of the address: 429 with Retry-After', async () => {
    const body = webhookFixture('shopify-order-paid.json');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11 && !statuses.includes(429); attempt += 1)
      statuses.push((await fromShopify('orders/create', body, 'a-guessed-secret')).status);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses[statuses.length - 1]).toBe(429);
    const signed = await fromShopify('orders/create', body);
    expect([signed.status, signed.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(signed.headers['retry-after'])).toBeGreaterThan(0);
  });
});
