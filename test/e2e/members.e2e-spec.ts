import { TestApp, createTestApp } from '../support/test-app';
import { buildMember, createMember, createPurchase } from '../support/factories';

describe('members', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  const post = (body: unknown) =>
    test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.manager)
      .send(body as object);

  it('creates a member with a unique referral code and reads it back', async () => {
    const created = await post(
      buildMember({
        name: 'Ada Lovelace',
        tags: ['vip', 'berlin'],
        acquisitionChannel: 'referral',
      }),
    ).expect(201);
    expect(created.body).toMatchObject({
      name: 'Ada Lovelace',
      tags: ['berlin', 'vip'],
      acquisitionChannel: 'referral',
      profilingObjection: false,
    });
    expect(created.body.referralCode).toMatch(/^ADAL-[0-9A-Z]{6}$/);
    const read = await test
      .http()
      .get(`/api/v1/members/${created.body.id}`)
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('returns the existing member for the same externalId and content, 409 for other content', async () => {
    const body = buildMember();
    const first = await post(body).expect(201);
    const again = await post(body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await post({ ...body, name: 'Someone else' }).expect(409);
    expect(other.body).toMatchObject({
      code: 'MEMBER_EXISTS',
      details: [expect.objectContaining({ field: 'externalId' })],
    });
  });

  it('refuses a member with neither externalId nor email: it could not be recognised again', async () => {
    const refused = await post({ name: 'Nameless Walk-in', tags: ['event'] }).expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'externalId', reason: expect.stringContaining('email'), code: 'required' },
      ],
    });
    await post({ email: 'walk-in@example.com', name: 'Walk-in' }).expect(201);
  });

  it('keeps email unique ignoring case', async () => {
    await post(buildMember({ email: 'Grace@Example.com' })).expect(201);
    const clash = await post(buildMember({ email: 'grace@EXAMPLE.com' })).expect(409);
    expect(clash.body.code).toBe('MEMBER_EXISTS');
  });

  it('dates a profiling objection and clears it', async () => {
    const member = await createMember(test, { profilingObjection: true });
    expect(member.profilingObjectionAt).toEqual(expect.any(String));
    const cleared = await test
      .http()
      .patch(`/api/v1/members/${member.id}`)
      .set('Authorization', test.keys.manager)
      .send({ profilingObjection: false })
      .expect(200);
    expect(cleared.body).toMatchObject({ profilingObjection: false, profilingObjectionAt: null });
  });

  it('updates fields and replaces tags', async () => {
    const member = await createMember(test, { tags: ['a'] });
    const updated = await test
      .http()
      .patch(`/api/v1/members/${member.id}`)
      .set('Authorization', test.keys.manager)
      .send({ name: 'New name', tags: ['b', 'c'] })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'New name', tags: ['b', 'c'], email: member.email });
  });

  it('takes acquiredAt as given, else from the first order', async () => {
    const given = await createMember(test, { acquiredAt: '2025-05-05' });
    expect(given.acquiredAt).toBe('2025-05-05T00:00:00.000Z');
    const derived = await createMember(test);
    expect(derived.acquiredAt).toBeNull();
    await createPurchase(test, { memberId: derived.id, occurredAt: '2026-02-02T10:00:00Z' });
    await createPurchase(test, { memberId: derived.id, occurredAt: '2026-01-01T10:00:00Z' });
    await createPurchase(test, { memberId: given.id, occurredAt: '2026-01-01T10:00:00Z' });
    const read = (id: string) =>
      test.http().get(`/api/v1/members/${id}`).set('Authorization', test.keys.viewer);
    expect((await read(derived.id)).body).toMatchObject({
      acquiredAt: '2026-01-01T10:00:00.000Z',
      acquiredAtSource: 'firstPurchase',
    });
    expect((await read(given.id)).body).toMatchObject({
      acquiredAt: '2025-05-05T00:00:00.000Z',
      acquiredAtSource: 'given',
    });
  });

  it('stores SQL, HTML and any Unicode literally', async () => {
    const name = "Robert'); DROP TABLE members;-- <script>alert(1)</script> 🚀 مرحبا";
    const member = await createMember(test, { name });
    const read = await test
      .http()
      .get(`/api/v1/members/${member.id}`)
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(read.body.name).toBe(name);
    const found = await test
      .http()
      .get('/api/v1/members')
      .query({ q: 'drop table' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([member.id]);
  });

  describe('identities', () => {
    it('adds a handle, unique per platform ignoring case and @', async () => {
      const member = await createMember(test);
      const other = await createMember(test);
      const path = `/api/v1/members/${member.id}/identities`;
      const added = await test
        .http()
        .post(path)
        .set('Authorization', test.keys.manager)
        .send({ platform: 'Instagram', handle: '@AdaL' })
        .expect(201);
      expect(added.body).toMatchObject({
        platform: 'instagram',
        handle: 'AdaL',
        memberId: member.id,
      });
      await test
        .http()
        .post(path)
        .set('Authorization', test.keys.manager)
        .send({ platform: 'instagram', handle: 'adal' })
        .expect(200);
      const taken = await test
        .http()
        .post(`/api/v1/members/${other.id}/identities`)
        .set('Authorization', test.keys.manager)
        .send({ platform: 'instagram', handle: 'ADAL' })
        .expect(409);
      expect(taken.body.code).toBe('IDENTITY_TAKEN');
      await test
        .http()
        .post(`/api/v1/members/${other.id}/identities`)
        .set('Authorization', test.keys.manager)
        .send({ platform: 'tiktok', handle: 'adal' })
        .expect(201);
      const list = await test.http().get(path).set('Authorization', test.keys.viewer).expect(200);
      expect(list.body).toMatchObject({
        total: 1,
        items: [expect.objectContaining({ handle: 'AdaL' })],
      });
    });
  });

  describe('list', () => {
    let tagged: string[];
    beforeAll(async () => {
      tagged = [];
      for (let index = 0; index < 7; index += 1) {
        const member = await createMember(test, {
          name: `Listed ${String.fromCharCode(71 - index)}`,
          tags: ['listed'],
          acquisitionChannel: index % 2 ? 'event' : 'organic',
          acquiredAt: `2024-0${index + 1}-10`,
        });
        tagged.push(member.id);
      }
    });

    const list = (query: Record<string, unknown>) =>
      test.http().get('/api/v1/members').query(query).set('Authorization', test.keys.viewer);

    it('walks every row exactly once through cursor pages', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ tag: 'listed', limit: 3, ...(cursor ? { cursor } : {}) }).expect(
          200,
        );
        expect(page.body.total).toBe(7);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual([...tagged].sort());
    });

    it('sorts by name in both directions', async () => {
      const ascending = await list({ tag: 'listed', sort: 'name' }).expect(200);
      const names = ascending.body.items.map((item: { name: string }) => item.name);
      expect(names).toEqual([...names].sort());
      const descending = await list({
        tag: 'listed',
        sort: 'name',
        order: 'desc',
        limit: 2,
      }).expect(200);
      expect(descending.body.items.map((item: { name: string }) => item.name)).toEqual([
        'Listed G',
        'Listed F',
      ]);
    });

    it('filters by channel and acquisition dates (from inclusive, to exclusive)', async () => {
      const events = await list({ tag: 'listed', channel: 'event' }).expect(200);
      expect(events.body.total).toBe(3);
      const dated = await list({
        tag: 'listed',
        acquiredFrom: '2024-02-10',
        acquiredTo: '2024-04-10',
      }).expect(200);
      expect(
        dated.body.items.map((item: { acquiredAt: string }) => item.acquiredAt).sort(),
      ).toEqual(['2024-02-10T00:00:00.000Z', '2024-03-10T00:00:00.000Z']);
    });

    it('refuses a limit over 200 and a forged cursor', async () => {
      const tooMany = await list({ limit: 201 }).expect(400);
      expect(tooMany.body.details[0]).toMatchObject({ field: 'limit', code: 'max' });
      const forged = await list({ cursor: 'not-a-cursor' }).expect(400);
      expect(forged.body.details[0]).toMatchObject({ field: 'cursor' });
    });
  });
});
