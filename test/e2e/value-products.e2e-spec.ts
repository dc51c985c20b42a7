import { createFeedback, createMember, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * GET /api/v1/metrics/products on hand-built data. Values come from one recompute as of
 * 2025-03-01, before anybody's second order: the brand has no repeat buyer by then, so the simple
 * formula predicts nothing and a spend value is the realized margin, 30 % of net orders to
 * 2025-03-01. Retention reads the orders up to now (December 2026 or later): every first order
 * of 2025 is old enough to show it; hal's and ida's, of the last 100 days, are not.
 *
 * | member | first order (product / category)         | next order               | spend | advocacy |
 * | ana    | Trail shoes / shoes, 100.00, 2025-01-10  | 2025-06-01: retained     | 30.00 | 20.00 (accepted idea) |
 * | ben    | Trail shoes / shoes, 200.00, 2025-01-15  | 365 days later: retained | 60.00 | 0 |
 * | cy     | Trail shoes / shoes, 50.00, 2025-01-20   | 365 days + 1 ms: too late| 15.00 | 0 |
 * | gus    | Trail shoes / shoes (objects)            | 2025-04-01: retained     | withheld |
 * | hal    | Trail shoes / shoes, 30 days ago         | none (young)             | no snapshot |
 * | ida    | Trail shoes / shoes, 100 days ago        | 50 days ago (young)      | no snapshot |
 * | dee    | Road shoes / shoes, 80.00, refunded 20.00 at the same instant (refund: Gift card) | none | 18.00 | 0 |
 * | eve    | two orders at one instant: tie-a Road shoes / shoes 30.00, tie-b Socks / accessories 10.00 | none | 12.00 | 0 |
 * | fay    | no product, no category, 40.00           | 2025-03-10: retained     | 12.00 | 0 |
 * | kim    | Gift card / no category, 50.00           | none                     | 15.00 | 0 |
 * | lou    | =HYPERLINK(…) / accessories, 10.00       | none                     |  3.00 | 0 |
 */
describe('long-term value by first product (GET /api/v1/metrics/products)', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  const HOSTILE = '=HYPERLINK("http://evil.example","x")';

  const products = (query: Record<string, string> = {}, status = 200) =>
    test
      .http()
      .get('/api/v1/metrics/products')
      .query(query)
      .set('Authorization', test.keys.viewer)
      .expect(status);
  const member = async (name: string, overrides: Record<string, unknown> = {}) => {
    ids[name] = (
      await createMember(test, { name, email: `${name}@${name}-mail.example`, ...overrides })
    ).id;
  };
  const order = (name: string, occurredAt: string, overrides: Record<string, unknown> = {}) =>
    createPurchase(test, {
      memberId: ids[name],
      amount: '100.00',
      occurredAt,
      product: 'Trail shoes',
      productCategory: 'shoes',
      ...overrides,
    });

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    for (const name of ['ana', 'ben', 'cy', 'dee', 'eve', 'fay', 'kim', 'lou']) await member(name);
    await member('gus', { profilingObjection: true });

    await order('ana', '2025-01-10T10:00:00Z');
    await order('ana', '2025-06-01T10:00:00Z');
    await createFeedback(test, {
      memberId: ids.ana,
      status: 'accepted',
      submittedAt: '2025-01-20T09:00:00Z',
      acceptedAt: '2025-01-25T09:00:00Z',
    });
    await order('ben', '2025-01-15T10:00:00Z', { amount: '200.00' });
    await order('ben', '2026-01-15T10:00:00Z'); // 365 days later to the millisecond
    await order('cy', '2025-01-20T10:00:00Z', { amount: '50.00' });
    await order('cy', '2026-01-20T10:00:00.001Z'); // one millisecond too late
    await order('gus', '2025-01-12T10:00:00Z');
    await order('gus', '2025-04-01T10:00:00Z');

    // A refund at the first order's instant, with an externalId sorting before it: not a first order.
    await order('dee', '2025-02-01T10:00:00Z', {
      externalId: 'z-dee-order',
      amount: '80.00',
      product: 'Road shoes',
    });
    await createPurchase(test, {
      memberId: ids.dee,
      externalId: 'a-dee-refund',
      kind: 'refund',
      refundOf: 'z-dee-order',
      amount: '20.00',
      occurredAt: '2025-02-01T10:00:00Z',
      product: 'Gift card',
    });
    // Two orders at one instant: the first by externalId (tie-a) decides, whichever was sent first;
    // the other is no repeat order.
    await order('eve', '2025-02-05T10:00:00Z', {
      externalId: 'tie-b',
      amount: '10.00',
      product: 'Socks',
      productCategory: 'accessories',
    });
    await order('eve', '2025-02-05T10:00:00Z', {
      externalId: 'tie-a',
      amount: '30.00',
      product: 'Road shoes',
    });
    await order('fay', '2025-02-10T10:00:00Z', {
      amount: '40.00',
      product: undefined,
      productCategory: undefined,
    });
    await order('fay', '2025-03-10T10:00:00Z', { product: undefined, productCategory: undefined });
    await order('kim', '2025-02-20T10:00:00Z', {
      amount: '50.00',
      product: 'Gift card',
      productCategory: undefined,
    });
    await order('lou', '2025-02-25T10:00:00Z', {
      amount: '10.00',
      product: HOSTILE,
      productCategory: 'accessories',
    });

    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '2025-03-01' })
      .expect(200);
    expect(run.body.status).toBe('succeeded');

    // Customers since the recompute: no snapshot, and too young for retention.
    await member('hal');
    await order('hal', daysAgo(30));
    await member('ida');
    await order('ida', daysAgo(100));
    await order('ida', daysAgo(50));
  });
  afterAll(() => test.close());

  const byName = (body: { groups: { name: string }[] }) =>
    Object.fromEntries(body.groups.map((group) => [group.name, group]));

  it('groups customers by the product of their first order, sorted by mean extended value', async () => {
    const { body } = await products().expect('Content-Type', /json/);
    expect(body).toMatchObject({
      by: 'product',
      sort: 'extendedValue',
      valuesAsOf: '2025-03-01',
      currency: 'EUR',
      retentionDays: 365,
    });
    expect(Date.parse(body.asOf)).toBeGreaterThan(Date.now() - 60_000);
    // Road shoes and Gift card tie at 15.00: more customers first.
    expect(body.groups.map((group: { name: string }) => group.name)).toEqual([
      'Trail shoes',
      'Road shoes',
      'Gift card',
      '(unknown)',
      HOSTILE,
    ]);
    // ana 30.00 + 20.00, ben 60.00, cy 15.00 valued; gus withheld; hal and ida not valued yet.
    // Spend 105.00 / 3 = 35.00; advocacy 20.00 / 3 = 6.67; extended 125.00 / 3 = 41.67.
    // Retention: ana, ben (on the boundary) and gus of the four old enough; cy came back 1 ms late.
    expect(byName(body)['Trail shoes']).toEqual({
      name: 'Trail shoes',
      known: true,
      customers: 6,
      valuedCustomers: 3,
      customersWithoutValue: 2,
      withheldCustomers: 1,
      meanSpendValue: '35.00',
      meanExtendedValue: '41.67',
      meanAdvocacyValue: '6.67',
      retentionEligible: 4,
      retainedCustomers: 3,
      youngCustomers: 2,
      retention: 0.75,
    });
    // dee's refund is not her first order; eve's first is tie-a, and tie-b no repeat.
    // Spend (18.00 + 12.00) / 2.
    expect(byName(body)['Road shoes']).toMatchObject({
      customers: 2,
      valuedCustomers: 2,
      meanSpendValue: '15.00',
      meanExtendedValue: '15.00',
      meanAdvocacyValue: '0.00',
      retentionEligible: 2,
      retainedCustomers: 0,
      retention: 0,
    });
    expect(byName(body)['(unknown)']).toMatchObject({
      known: false,
      customers: 1,
      meanSpendValue: '12.00',
      retentionEligible: 1,
      retainedCustomers: 1,
      retention: 1,
    });
    expect(body.groups.some((group: { name: string }) => group.name === 'Socks')).toBe(false);
    // All 11: spend 165.00 / 8 = 20.625 → 20.62 (half to even), extended 185.00 / 8 = 23.125 → 23.12.
    expect(body.overall).toEqual({
      customers: 11,
      valuedCustomers: 8,
      customersWithoutValue: 2,
      withheldCustomers: 1,
      meanSpendValue: '20.62',
      meanExtendedValue: '23.12',
      meanAdvocacyValue: '2.50',
      retentionEligible: 9,
      retainedCustomers: 4,
      youngCustomers: 2,
      retention: 0.4444,
    });
  });

  it('groups by the category of the first order with by=category', async () => {
    const { body } = await products({ by: 'category' });
    expect(body.by).toBe('category');
    // shoes: ana, ben, cy, gus, hal, ida, dee, eve. Valued five: spend 135.00 / 5, extended
    // 155.00 / 5. Old enough six; retained ana, ben, gus. kim's Gift card and fay name no
    // category; eve's Socks (accessories) came second.
    expect(
      body.groups.map((group: Record<string, unknown>) => [
        group.name,
        group.known,
        group.customers,
        group.meanSpendValue,
        group.meanExtendedValue,
        group.retentionEligible,
        group.retention,
      ]),
    ).toEqual([
      ['shoes', true, 8, '27.00', '31.00', 6, 0.5],
      ['(unknown)', false, 2, '13.50', '13.50', 2, 0.5],
      ['accessories', true, 1, '3.00', '3.00', 1, 0],
    ]);
  });

  it('sorts as asked: by retention, then more customers, then name', async () => {
    const { body } = await products({ sort: 'retention' });
    expect(body.groups.map((group: { name: string }) => group.name)).toEqual([
      '(unknown)',
      'Trail shoes',
      'Road shoes',
      HOSTILE,
      'Gift card',
    ]);
    const { body: named } = await products({ sort: 'name', by: 'category' });
    expect(named.groups.map((group: { name: string }) => group.name)).toEqual([
      'accessories',
      'shoes',
      '(unknown)',
    ]);
  });

  it('exports CSV in the same order, amounts as numbers, a formula in a product name neutralised', async () => {
    const response = await products({ format: 'csv' });
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toContain('value-by-first-product.csv');
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(
      'row,product,known,customers,valuedCustomers,customersWithoutValue,withheldCustomers,meanSpendValue,meanExtendedValue,meanAdvocacyValue,retentionEligible,retainedCustomers,youngCustomers,retention,currency',
    );
    expect(lines[1]).toBe('group,Trail shoes,true,6,3,2,1,35.00,41.67,6.67,4,3,2,0.75,EUR');
    expect(lines[4]).toBe('group,(unknown),false,1,1,0,0,12.00,12.00,0.00,1,1,0,1,EUR');
    expect(lines[5]).toBe(
      `group,"'=HYPERLINK(""http://evil.example"",""x"")",true,1,1,0,0,3.00,3.00,0.00,1,0,0,0,EUR`,
    );
    expect(lines[6]).toBe('total,,,11,8,2,1,20.62,23.12,2.50,9,4,2,0.4444,EUR');
    expect(lines).toHaveLength(8); // the last line ends with CRLF too

    const categories = await products({ format: 'csv', by: 'category' });
    expect(categories.headers['content-disposition']).toContain('value-by-first-category.csv');
    expect(categories.text.split('\r\n')[0]).toMatch(/^row,category,known,/);
  });

  it('exports CSV with locale=it: `;`, decimal commas, formulas still neutralised', async () => {
    const lines = (await products({ format: 'csv', locale: 'it' })).text.split('\r\n');
    expect(lines[0]).toMatch(/^row;product;known;customers;/);
    expect(lines[1]).toBe('group;Trail shoes;true;6;3;2;1;35,00;41,67;6,67;4;3;2;0,75;EUR');
    expect(lines[5]).toBe(
      `group;"'=HYPERLINK(""http://evil.example"",""x"")";true;1;1;0;0;3,00;3,00;0,00;1;0;0;0;EUR`,
    );
    expect(lines[6]).toBe('total;;;11;8;2;1;20,62;23,12;2,50;9;4;2;0,4444;EUR');
  });

  it('refuses an unknown grouping, sort or format in the one error shape', async () => {
    for (const [name, value] of [
      ['by', 'brand'],
      ['sort', 'revenue'],
      ['format', 'xlsx'],
      ['limit', '5'],
    ]) {
      const { body } = await products({ [name]: value }, 400);
      expect(body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: [{ field: name }],
      });
      expect(body.requestId).toEqual(expect.any(String));
    }
  });

  it('is readable with a viewer key and refused without one', async () => {
    await test.http().get('/api/v1/metrics/products').expect(401);
  });
});
