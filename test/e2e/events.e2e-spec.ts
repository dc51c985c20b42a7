import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommunityEvent } from '../../src/events/event.entity';
import { isUniqueViolation } from '../../src/database/sql';
import { TestApp, createTestApp } from '../support/test-app';
import { buildEvent, createEvent, createMember } from '../support/factories';

describe('events', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp({ CURRENCY_RATES: 'USD=0.92' })));
  afterAll(() => test.close());

  const post = (body: Record<string, unknown>) =>
    test.http().post('/api/v1/events').set('Authorization', test.keys.manager).send(body);
  const get = (id: string) =>
    test.http().get(`/api/v1/events/${id}`).set('Authorization', test.keys.viewer);
  const list = async (query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get('/api/v1/events')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body as { items: Record<string, any>[]; total: number; nextCursor: string | null };

  it('records an event in the future with its cost converted to the base currency', async () => {
    const created = await post(
      buildEvent({
        externalId: 'summit-2027',
        name: 'Community summit',
        kind: 'online',
        startsAt: '2027-03-01T17:00:00+01:00',
        endsAt: '2027-03-01T20:00:00+01:00',
        location: 'https://meet.example.com/summit',
        cost: '100.00',
        currency: 'USD',
      }),
    ).expect(201);
    expect(created.body).toMatchObject({
      externalId: 'summit-2027',
      name: 'Community summit',
      kind: 'online',
      startsAt: '2027-03-01T16:00:00.000Z',
      endsAt: '2027-03-01T19:00:00.000Z',
      cost: '100.00',
      currency: 'USD',
      baseCost: '92.00',
      baseCurrency: 'EUR',
      rate: '0.92',
    });
    expect((await get(created.body.id).expect(200)).body).toEqual(created.body);
  });

  it('costs nothing in the base currency when no cost is given', async () => {
    const event = await createEvent(test);
    expect(event).toMatchObject({ cost: '0.00', currency: 'EUR', baseCost: '0.00' });
  });

  it('is idempotent on externalId: same content 200, other content 409', async () => {
    const body = buildEvent({ externalId: 'ext-1', cost: '10.00', currency: 'EUR' });
    const first = await post(body).expect(201);
    const again = await post(body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await post({ ...body, cost: '11.00' }).expect(409);
    expect(other.body).toMatchObject({
      code: 'EVENT_EXISTS',
      details: [expect.objectContaining({ field: 'externalId' })],
    });
  });

  it('without an externalId, (name, startsAt) is the key', async () => {
    const body = buildEvent({ name: 'Spring run', startsAt: '2026-04-01T08:00:00Z' });
    const first = await post(body).expect(201);
    expect((await post(body).expect(200)).body.id).toBe(first.body.id);
    const moved = await post({ ...body, location: 'Hamburg' }).expect(409);
    expect(moved.body.details[0].field).toBe('name');
    await post({ ...body, startsAt: '2026-04-02T08:00:00Z' }).expect(201);
    // An event with its own externalId is not the natural-key one.
    await post({ ...body, externalId: 'spring-run-berlin' }).expect(201);
    expect((await list({ q: 'spring run' })).total).toBe(3);
  });

  it('has the database keep (name, startsAt) unique among events without an externalId', async () => {
    const repository = test.app.get(DataSource).getRepository(CommunityEvent);
    const event = await createEvent(test, { name: 'Unique', startsAt: '2026-09-09T09:00:00Z' });
    const row = await repository.findOneByOrFail({ id: event.id });
    const duplicate = await repository.insert({ ...row, id: randomUUID() }).catch((error) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    await repository.insert({ ...row, id: randomUUID(), externalId: 'unique-with-id' });
  });

  it('keeps HTML in names and locations literally', async () => {
    const name = '<img src=x onerror="alert(1)"> & <b>friends</b>';
    const event = await createEvent(test, { name, location: '<script>alert(2)</script>' });
    const read = (await get(event.id).expect(200)).body;
    expect(read.name).toBe(name);
    expect(read.location).toBe('<script>alert(2)</script>');
  });

  it('changes an event with PATCH and refuses a clash with another event', async () => {
    const event = await createEvent(test, { name: 'Patch me', startsAt: '2026-05-01T10:00:00Z' });
    const patched = await test
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set('Authorization', test.keys.manager)
      .send({ startsAt: '2026-05-02T10:00:00Z', cost: '20.00', currency: 'USD', location: null })
      .expect(200);
    expect(patched.body).toMatchObject({
      name: 'Patch me',
      startsAt: '2026-05-02T10:00:00.000Z',
      cost: '20.00',
      baseCost: '18.40',
      location: null,
    });
    await createEvent(test, { name: 'Taken', startsAt: '2026-05-03T10:00:00Z' });
    const clash = await test
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set('Authorization', test.keys.manager)
      .send({ name: 'Taken', startsAt: '2026-05-03T10:00:00Z' })
      .expect(409);
    expect(clash.body.code).toBe('EVENT_EXISTS');
    const before = await test
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set('Authorization', test.keys.manager)
      .send({ endsAt: '2026-05-01T10:00:00Z' })
      .expect(400);
    expect(before.body.details[0].field).toBe('endsAt');
  });

  it('deletes an event with its attendance', async () => {
    const event = await createEvent(test);
    const member = await createMember(test);
    await test
      .http()
      .post(`/api/v1/events/${event.id}/attendance`)
      .set('Authorization', test.keys.manager)
      .send({ memberId: member.id, guestEmails: ['deleted-guest@example.com'] })
      .expect(201);
    await test
      .http()
      .delete(`/api/v1/events/${event.id}`)
      .set('Authorization', test.keys.manager)
      .expect(204);
    const gone = await get(event.id).expect(404);
    expect(gone.body).toMatchObject({ code: 'EVENT_NOT_FOUND' });
    await test
      .http()
      .get(`/api/v1/events/${event.id}/attendance`)
      .set('Authorization', test.keys.viewer)
      .expect(404);
  });

  it('needs the manager role to write', async () => {
    await test
      .http()
      .post('/api/v1/events')
      .set('Authorization', test.keys.viewer)
      .send(buildEvent())
      .expect(403);
  });

  it('lists by kind and startsAt range, latest first, in pages', async () => {
    const tag = `Paged ${Date.now()}`;
    for (const day of ['01', '02', '03'])
      await createEvent(test, { name: `${tag} ${day}`, startsAt: `2026-07-${day}T10:00:00Z` });
    await createEvent(test, { name: `${tag} online`, kind: 'online', startsAt: '2026-07-04' });
    const firstPage = await list({ q: tag, kind: 'in-person', limit: 2 });
    expect(firstPage.total).toBe(3);
    expect(firstPage.items.map((event) => event.name)).toEqual([`${tag} 03`, `${tag} 02`]);
    const secondPage = await list({ q: tag, kind: 'in-person', cursor: firstPage.nextCursor });
    expect(secondPage.items.map((event) => event.name)).toEqual([`${tag} 01`]);
    const july2 = await list({ q: tag, from: '2026-07-02', to: '2026-07-03' });
    expect(july2.items.map((event) => event.name)).toEqual([`${tag} 02`]);
  });

  describe('bad input gets a 4xx naming the field and stores nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['wrong kind', { kind: 'hybrid' }, 'kind'],
      ['missing name', { name: undefined }, 'name'],
      ['date that is not ISO 8601', { startsAt: '12/05/2026' }, 'startsAt'],
      ['end before start', { endsAt: '2026-01-01T00:00:00Z' }, 'endsAt'],
      ['cost without currency', { cost: '10.00' }, 'currency'],
      ['negative cost', { cost: '-1.00', currency: 'EUR' }, 'cost'],
      ['too many decimals', { cost: '1.001', currency: 'EUR' }, 'cost'],
      ['currency without a rate', { cost: '1.00', currency: 'GBP' }, 'currency'],
      ['unknown field', { colour: 'red' }, 'colour'],
    ];
    it.each(cases)('%s', async (_label, override, field) => {
      const before = (await list()).total;
      const response = await post(buildEvent(override));
      expect([400, 422]).toContain(response.status);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
        field,
      );
      expect((await list()).total).toBe(before);
    });
  });

  it('imports events from CSV, idempotently', async () => {
    const csv = [
      'externalId,name,kind,startsAt,location,cost,currency',
      'imp-1,Import one,in-person,2026-08-01T18:00:00Z,Berlin,12.50,EUR',
      'imp-2,Import two,online,2027-01-01,,,',
      'imp-3,Import three,hybrid,2026-08-03,,,',
    ].join('\n');
    const run = () =>
      test
        .http()
        .post('/api/v1/import/events')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200);
    const first = (await run()).body;
    expect(first).toMatchObject({ created: 2, unchanged: 0, refused: 1 });
    expect(first.errors[0]).toMatchObject({
      line: 4,
      details: [expect.objectContaining({ field: 'kind' })],
    });
    expect((await run()).body).toMatchObject({ created: 0, unchanged: 2, refused: 1 });
    expect((await list({ q: 'import ' })).total).toBe(2);
  });
});
