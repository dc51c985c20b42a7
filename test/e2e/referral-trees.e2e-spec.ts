import { DataSource } from 'typeorm';
import { createMember, createPurchase, createReferral } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * Referral trees count converted referrals that count as value. The community:
 *
 *   ada → bob → cat → dan → hal     (a chain four levels deep)
 *   ada → eve, bob → fay            (branches; fay objects to profiling: no spend value)
 *   ada → ivy (invited), bob → jon (signed up), eve → kim (rejected, then bought),
 *   eve → eva (converted, flagged as a look-alike email, not approved): none of them count
 *   uma → vic, uma → wes; quinn → rob → sam; zoe → yan   (smaller trees)
 *
 * Spend values come from a recompute; the trees must add up what GET /members/:id/value says.
 */
describe('referral trees', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  /** Spend value of each member's current snapshot, in cents; null where withheld. */
  const spend: Record<string, number | null> = {};

  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const euros = (value: number) => (value / 100).toFixed(2);
  const get = (path: string, query: Record<string, unknown> = {}) =>
    test.http().get(path).query(query).set('Authorization', test.keys.viewer);
  const tree = async (name: string, query: Record<string, unknown> = {}) =>
    (await get(`/api/v1/members/${ids[name]}/referrals/tree`, query).expect(200)).body;
  /** The fields a refusal names (a value can break several rules of one field). */
  const fieldsOf = (body: { details: { field: string }[] }) => [
    ...new Set(body.details.map((detail) => detail.field)),
  ];
  const names = (nodes: { name: string }[]) => nodes.map((node) => node.name);
  const valueOf = (...members: string[]) =>
    euros(members.reduce((total, name) => total + (spend[name] ?? 0), 0));

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    const member = async (name: string, overrides: Record<string, unknown> = {}) =>
      (ids[name] = (
        await createMember(test, { name, email: `${name}@${name}-mail.example`, ...overrides })
      ).id);
    let day = 0;
    /** A referral on its own day (no burst), converted by the referee's first order. */
    const converted = async (referrer: string, referee: string, amount: string) => {
      day += 1;
      const referral = await createReferral(test, {
        referrerId: ids[referrer],
        refereeId: ids[referee],
        invitedAt: new Date(Date.UTC(2026, 2, day)).toISOString(),
      });
      await createPurchase(test, {
        memberId: ids[referee],
        amount,
        occurredAt: new Date(Date.UTC(2026, 3, day)).toISOString(),
      });
      return referral.id as string;
    };
    for (const name of ['ada', 'bob', 'cat', 'dan', 'hal', 'eve', 'fay', 'ivy', 'jon', 'kim'])
      await member(name);
    for (const name of ['uma', 'vic', 'wes', 'quinn', 'rob', 'sam', 'zoe', 'yan', 'lee'])
      await member(name);
    await member('eva', { email: 'eve+2@eve-mail.example' });
    await createPurchase(test, { memberId: ids.ada, amount: '300.00' });

    await converted('ada', 'bob', '120.00');
    await converted('bob', 'cat', '80.00');
    await converted('cat', 'dan', '60.00');
    await converted('dan', 'hal', '40.00');
    await converted('ada', 'eve', '200.00');
    await converted('bob', 'fay', '90.00');
    await converted('uma', 'vic', '50.00');
    await converted('uma', 'wes', '50.00');
    await converted('quinn', 'rob', '150.00');
    await converted('rob', 'sam', '150.00');
    await converted('zoe', 'yan', '500.00');

    await createReferral(test, { referrerId: ids.ada, refereeId: ids.ivy, status: 'invited' });
    await createReferral(test, {
      referrerId: ids.bob,
      refereeId: ids.jon,
      invitedAt: '2026-03-20T00:00:00Z',
    });
    const kim = await createReferral(test, {
      referrerId: ids.eve,
      refereeId: ids.kim,
      invitedAt: '2026-03-21T00:00:00Z',
    });
    await test
      .http()
      .post(`/api/v1/referrals/${kim.id}/reject`)
      .set('Authorization', test.keys.manager)
      .expect(200);
    await createPurchase(test, { memberId: ids.kim, amount: '70.00', occurredAt: '2026-04-25' });
    const eva = await converted('eve', 'eva', '65.00');
    const flagged = (await get(`/api/v1/referrals/${eva}`).expect(200)).body;
    expect(flagged).toMatchObject({ status: 'converted', awaitingApproval: true });

    await test
      .http()
      .patch(`/api/v1/members/${ids.fay}`)
      .set('Authorization', test.keys.manager)
      .send({ profilingObjection: true })
      .expect(200);
    await test
      .http()
      .post(`/api/v1/members/${ids.zoe}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: ids.lee })
      .expect(200);
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    expect(run.body.status).toBe('succeeded');
    for (const name of Object.keys(ids)) {
      if (name === 'lee') continue;
      const value = (await get(`/api/v1/members/${ids[name]}/value`).expect(200)).body;
      spend[name] = 'withheld' in value ? null : cents(value.components.spend.value);
    }
    expect(spend.fay).toBeNull();
    expect(spend.bob).toBeGreaterThan(0);
  });
  afterAll(() => test?.close());

  describe('GET /members/:id/referrals/tree', () => {
    it('draws a three-level chain with its branches, values from the current snapshots', async () => {
      const body = await tree('ada');
      expect(body).toMatchObject({
        size: 5,
        depth: 3,
        depthLimit: 3,
        truncated: true,
        currency: 'EUR',
        mergedFrom: null,
      });
      const { root } = body;
      expect(root).toMatchObject({
        id: ids.ada,
        name: 'ada',
        convertedAt: null,
        spendValue: valueOf('ada'),
        size: 5,
        depth: 3,
        valueBrought: valueOf('bob', 'cat', 'dan', 'eve', 'fay'),
      });
      // Oldest conversion first on each level.
      expect(names(root.children)).toEqual(['bob', 'eve']);
      const [bob, eve] = root.children;
      expect(bob).toMatchObject({
        id: ids.bob,
        convertedAt: '2026-04-01T00:00:00.000Z',
        spendValue: valueOf('bob'),
        size: 3,
        depth: 2,
        valueBrought: valueOf('cat', 'dan', 'fay'),
        moreReferees: 0,
      });
      expect(names(bob.children)).toEqual(['cat', 'fay']);
      const [cat, fay] = bob.children;
      expect(fay).toMatchObject({ spendValue: null, size: 0, children: [] });
      expect(names(cat.children)).toEqual(['dan']);
      // dan is on the last level asked for: hal is below it, counted, not shown.
      expect(cat.children[0]).toMatchObject({ name: 'dan', moreReferees: 1, children: [] });
      // Rejected, flagged-unapproved and pending referrals are no part of the tree.
      expect(eve).toMatchObject({ name: 'eve', size: 0, children: [], moreReferees: 0 });
      expect(JSON.stringify(body)).not.toMatch(/ivy|jon|kim|eva/);
    });

    it('follows the depth asked for, from 1 to 5', async () => {
      const shallow = await tree('ada', { depth: 1 });
      expect(shallow).toMatchObject({ size: 2, depth: 1, depthLimit: 1, truncated: true });
      expect(shallow.root.children.map((child: any) => [child.name, child.moreReferees])).toEqual([
        ['bob', 2],
        ['eve', 0],
      ]);
      const deep = await tree('ada', { depth: 5 });
      expect(deep).toMatchObject({ size: 6, depth: 4, depthLimit: 5, truncated: false });
      expect(deep.root.valueBrought).toBe(valueOf('bob', 'cat', 'dan', 'hal', 'eve', 'fay'));
      const middle = await tree('bob', { depth: 5 });
      expect(middle.root).toMatchObject({ name: 'bob', convertedAt: '2026-04-01T00:00:00.000Z' });
      expect(middle.size).toBe(4);
    });

    it('answers a member who brought nobody with the member alone', async () => {
      expect(await tree('hal')).toMatchObject({
        size: 0,
        depth: 0,
        truncated: false,
        root: { name: 'hal', valueBrought: '0.00', children: [] },
      });
    });

    it('answers a merged member with the survivor’s tree', async () => {
      const body = await tree('lee');
      expect(body).toMatchObject({ mergedFrom: ids.lee, size: 1 });
      expect(body.root).toMatchObject({ id: ids.zoe, name: 'zoe' });
      expect(names(body.root.children)).toEqual(['yan']);
    });

    it('refuses a depth outside 1–5 with the error body, and an unknown member with 404', async () => {
      for (const depth of ['0', '6', 'two', '2.5']) {
        const refused = await get(`/api/v1/members/${ids.ada}/referrals/tree`, { depth }).expect(
          400,
        );
        expect(refused.body).toMatchObject({
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          requestId: expect.any(String),
        });
        expect(fieldsOf(refused.body)).toEqual(['depth']);
      }
      const missing = await get(
        '/api/v1/members/00000000-0000-4000-8000-000000000000/referrals/tree',
      ).expect(404);
      expect(missing.body).toMatchObject({ code: 'MEMBER_NOT_FOUND', statusCode: 404 });
      const malformed = await get('/api/v1/members/ada/referrals/tree').expect(400);
      expect(malformed.body.details[0]).toMatchObject({ field: 'id' });
    });
  });

  describe('GET /referrals/trees', () => {
    it('lists the largest trees by size, then value brought, with the value summed', async () => {
      const body = (await get('/api/v1/referrals/trees').expect(200)).body;
      const umaValue = valueOf('vic', 'wes');
      const quinnValue = valueOf('rob', 'sam');
      expect(Number(umaValue)).not.toBe(Number(quinnValue));
      const [first, second] =
        Number(quinnValue) > Number(umaValue) ? ['quinn', 'uma'] : ['uma', 'quinn'];
      expect(body).toMatchObject({ total: 4, nextCursor: null });
      expect(body.items).toEqual([
        {
          root: { id: ids.ada, name: 'ada' },
          size: 6,
          depth: 4,
          valueBrought: valueOf('bob', 'cat', 'dan', 'hal', 'eve', 'fay'),
          currency: 'EUR',
        },
        expect.objectContaining({ root: { id: ids[first], name: first }, size: 2 }),
        expect.objectContaining({ root: { id: ids[second], name: second }, size: 2 }),
        {
          root: { id: ids.zoe, name: 'zoe' },
          size: 1,
          depth: 1,
          valueBrought: valueOf('yan'),
          currency: 'EUR',
        },
      ]);
      const quinn = body.items.find((item: any) => item.root.name === 'quinn');
      expect(quinn).toMatchObject({ depth: 2, valueBrought: quinnValue });
      expect(body.items.find((item: any) => item.root.name === 'uma')).toMatchObject({
        depth: 1,
        valueBrought: umaValue,
      });
    });

    it('takes a limit from 1 to 100 and says how many trees there are', async () => {
      const top = (await get('/api/v1/referrals/trees', { limit: 1 }).expect(200)).body;
      expect(top).toMatchObject({ total: 4, items: [{ root: { name: 'ada' } }] });
      for (const limit of ['0', '101', 'many']) {
        const refused = await get('/api/v1/referrals/trees', { limit }).expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
        expect(fieldsOf(refused.body)).toEqual(['limit']);
      }
    });
  });

  it('stays finite when old data holds a referral cycle', async () => {
    // The API refuses cycles; rewrite a pending referral into one (sam → quinn, closing
    // quinn → rob → sam) the way a bad import from before the check could have stored it.
    const pending = await createReferral(test, {
      referrerId: ids.sam,
      refereeEmail: 'someone@elsewhere.example',
      invitedAt: '2026-03-25T00:00:00Z',
    });
    const dataSource = test.app.get(DataSource);
    const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
      `UPDATE referrals SET referee_member_id = :quinn, referee_email = NULL,
              referee_email_normalized = NULL, status = 'converted', converted_at = :at
        WHERE id = :id`,
      { quinn: ids.quinn, at: Date.UTC(2026, 3, 28), id: pending.id },
    );
    await dataSource.query(sql, parameters);
    const cycle = await tree('quinn', { depth: 5 });
    expect(cycle).toMatchObject({ size: 2, depth: 2, truncated: false });
    expect(names(cycle.root.children)).toEqual(['rob']);
    expect(names(cycle.root.children[0].children)).toEqual(['sam']);
    expect(cycle.root.children[0].children[0]).toMatchObject({ children: [], moreReferees: 0 });
    // Everyone in a closed loop was brought by someone: it has no root; the rest still lists.
    const trees = (await get('/api/v1/referrals/trees').expect(200)).body;
    expect(trees.total).toBe(3);
    expect(trees.items.map((item: any) => item.root.name)).toEqual(['ada', 'uma', 'zoe']);
  });
});
