import { DataSource } from 'typeorm';
import { SnapshotDatePointer1733000045000 } from '../../src/database/migrations/1733000045000-snapshot-date-pointer';
import { ProfilingObjectionEngagement1733000001000 } from '../../src/database/migrations/1733000001000-profiling-objection-engagement';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { createMember, createPurchase, createReferral } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * An objection to profiling is honoured fully: no snapshot (value, prediction, engagement,
 * tier) is stored or served for the objector, from the objection's own transaction on, while
 * their purchases still count for the member who referred them; withdrawn, the next recompute
 * values them again.
 *
 * rena referred oscar (signed up 2026-04-01); oscar's first order (100.00, 2026-04-10)
 * converted the referral; his second came on 2026-05-10. rena's referral value is oscar's
 * spend value × (1 − joinAnyway 0.3) + the default CAC 25.00 saved − no reward.
 */
describe('objection to profiling', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  const snapshots = () => test.app.get(DataSource).getRepository(ValueSnapshot);
  const countSnapshots = (name: string) => snapshots().countBy({ memberId: ids[name] });
  const get = (path: string, status = 200) =>
    test.http().get(path).set('Authorization', test.keys.viewer).expect(status);
  const patch = async (name: string, body: object) =>
    (
      await test
        .http()
        .patch(`/api/v1/members/${ids[name]}`)
        .set('Authorization', test.keys.manager)
        .send(body)
        .expect(200)
    ).body;
  const recompute = async (asOf: string) => {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf })
      .expect(200);
    expect(run.body.status).toBe('succeeded');
  };
  const current = (name: string) =>
    snapshots().findOneByOrFail({ memberId: ids[name], asOfDate: '2026-06-01' });

  let renaReferralMinor: number;

  beforeAll(async () => {
    test = await createTestApp();
    // Emails at different domains: the factory's near-identical ones could be flagged as
    // look-alikes, and a flagged referral counts only once approved.
    for (const name of ['rena', 'oscar', 'sam'])
      ids[name] = (await createMember(test, { name, email: `${name}@${name}-mail.example` })).id;
    const olga = await createMember(test, { name: 'olga', profilingObjection: true });
    ids.olga = olga.id;
    const mo = await createMember(test, { name: 'mo', profilingObjection: true });
    ids.mo = mo.id;
    await createReferral(test, {
      referrerId: ids.rena,
      refereeId: ids.oscar,
      invitedAt: '2026-04-01T00:00:00Z',
    });
    const order = (name: string, occurredAt: string) =>
      createPurchase(test, { memberId: ids[name], amount: '100.00', occurredAt });
    await order('oscar', '2026-04-10T00:00:00Z');
    await order('oscar', '2026-05-10T00:00:00Z');
    await order('olga', '2026-05-01T00:00:00Z');
    await order('sam', '2026-05-01T00:00:00Z');
    await order('mo', '2026-05-02T00:00:00Z');
    await recompute('2026-05-15');
    await recompute('2026-06-01');
  });
  afterAll(() => test.close());

  it('stores and serves nothing for a member who objected from the start', async () => {
    expect(await countSnapshots('olga')).toBe(0);
    const olga = (await get(`/api/v1/members/${ids.olga}`)).body;
    expect((await get(`/api/v1/members/${ids.olga}/value`)).body).toEqual({
      withheld: 'profilingObjection',
      since: olga.profilingObjectionAt,
    });
    expect((await get(`/api/v1/members/${ids.olga}/engagement`)).body).toEqual({
      withheld: 'profilingObjection',
      since: olga.profilingObjectionAt,
    });
    expect((await get(`/api/v1/members/${ids.olga}/value/history`)).body).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it("counts the referee's spend in the referrer's value", async () => {
    const oscar = await current('oscar');
    const rena = await current('rena');
    renaReferralMinor = rena.referralMinor;
    // spend × 0.7 + 2500 minor units saved, rounded once.
    expect(rena.referralMinor).toBe(Math.round(oscar.spendMinor * 0.7 + 2500));
    expect(oscar.spendMinor).toBeGreaterThan(0);
  });

  it('deletes the snapshots with the objection and withholds the value and engagement', async () => {
    expect(await countSnapshots('oscar')).toBe(2);
    const oscar = await patch('oscar', { profilingObjection: true });
    expect(oscar).toMatchObject({
      profilingObjection: true,
      profilingObjectionAt: expect.any(String),
    });
    expect(await countSnapshots('oscar')).toBe(0);
    const withheld = { withheld: 'profilingObjection', since: oscar.profilingObjectionAt };
    expect((await get(`/api/v1/members/${ids.oscar}/value`)).body).toEqual(withheld);
    expect((await get(`/api/v1/members/${ids.oscar}/engagement`)).body).toEqual(withheld);
    expect((await get(`/api/v1/members/${ids.oscar}/value/history`)).body.items).toEqual([]);
    // Objecting again changes nothing, the date included.
    expect(await patch('oscar', { profilingObjection: true })).toMatchObject({
      profilingObjectionAt: oscar.profilingObjectionAt,
    });
  });

  it("recomputes without storing the objector, his spend still in his referrer's value", async () => {
    await recompute('2026-06-01');
    expect(await countSnapshots('oscar')).toBe(0);
    expect(await countSnapshots('olga')).toBe(0);
    expect((await current('rena')).referralMinor).toBe(renaReferralMinor);
  });

  it('values the member again at the next recompute once the objection is withdrawn', async () => {
    expect(await patch('oscar', { profilingObjection: false })).toMatchObject({
      profilingObjection: false,
      profilingObjectionAt: null,
    });
    // Nothing until the next recompute.
    const before = await get(`/api/v1/members/${ids.oscar}/value`, 404);
    expect(before.body.code).toBe('VALUE_NOT_COMPUTED');
    await recompute('2026-06-01');
    expect(await countSnapshots('oscar')).toBe(1);
    const value = (await get(`/api/v1/members/${ids.oscar}/value`)).body;
    expect(value).not.toHaveProperty('withheld');
    expect(value.asOf).toBe('2026-06-01T00:00:00.000Z');
    const engagement = (await get(`/api/v1/members/${ids.oscar}/engagement`)).body;
    expect(engagement.activityCount).toBe(2);
  });

  it("deletes a survivor's snapshots when a merge gives it the other's objection", async () => {
    expect(await countSnapshots('sam')).toBe(2);
    const mo = (await get(`/api/v1/members/${ids.mo}`)).body;
    await test
      .http()
      .post(`/api/v1/members/${ids.sam}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: ids.mo })
      .expect(200);
    expect(await countSnapshots('sam')).toBe(0);
    expect((await get(`/api/v1/members/${ids.sam}/value`)).body).toEqual({
      withheld: 'profilingObjection',
      since: mo.profilingObjectionAt,
    });
  });

  it('purges the snapshots an earlier version stored for objectors (migration 1733000001000)', async () => {
    const dataSource = test.app.get(DataSource);
    // As a recompute before this change left it: olga objects and has a snapshot.
    const rena = await current('rena');
    await snapshots().insert({
      ...rena,
      id: '00000000-0000-4000-8000-0000000000aa',
      memberId: ids.olga,
    });
    expect(await countSnapshots('olga')).toBe(1);
    const migration = new ProfilingObjectionEngagement1733000001000();
    // The tables as that migration knew them: the per-date pointer came after it.
    const pointer = new SnapshotDatePointer1733000045000();
    const queryRunner = dataSource.createQueryRunner();
    try {
      await pointer.down(queryRunner);
      await migration.down(queryRunner);
      await migration.up(queryRunner);
      await pointer.up(queryRunner);
    } finally {
      await queryRunner.release();
    }
    expect(await countSnapshots('olga')).toBe(0);
    expect(await countSnapshots('rena')).toBe(2);
  });
});
