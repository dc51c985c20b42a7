import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../src/database/sql';
import { Feedback } from '../../src/feedback/feedback.entity';
import { TestApp, createTestApp } from '../support/test-app';
import { buildFeedback, createMember } from '../support/factories';

describe('feedback', () => {
  let test: TestApp;
  let member: Record<string, any>;
  beforeAll(async () => {
    test = await createTestApp();
    member = await createMember(test);
  });
  afterAll(() => test.close());

  const post = (body: Record<string, unknown>) =>
    test.http().post('/api/v1/feedback').set('Authorization', test.keys.manager).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    test.http().patch(`/api/v1/feedback/${id}`).set('Authorization', test.keys.manager).send(body);
  const get = (id: string) =>
    test.http().get(`/api/v1/feedback/${id}`).set('Authorization', test.keys.viewer);
  const list = async (query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get('/api/v1/feedback')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body as { items: Record<string, any>[]; total: number; nextCursor: string | null };
  const create = async (overrides: Record<string, unknown> = {}) =>
    (await post(buildFeedback({ memberId: member.id, ...overrides })).expect(201)).body;

  it('records feedback as submitted, keeping HTML and scripts literally', async () => {
    const text =
      '<script>alert("x")</script> &amp; <b onmouseover="steal()">dark mode</b>\n\'quotes\'';
    const created = await post(
      buildFeedback({ memberExternalId: member.externalId, text, kind: 'bug' }),
    ).expect(201);
    expect(created.body).toMatchObject({
      memberId: member.id,
      kind: 'bug',
      text,
      status: 'submitted',
      submittedAt: '2026-01-05T09:00:00.000Z',
      acceptedAt: null,
      shippedAt: null,
      declinedAt: null,
    });
    expect((await get(created.body.id).expect(200)).body).toEqual(created.body);
  });

  it('dates each status change: submitted → accepted → shipped', async () => {
    const item = await create();
    const accepted = await patch(item.id, {
      status: 'accepted',
      acceptedAt: '2026-01-06T10:00:00Z',
    }).expect(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      submittedAt: '2026-01-05T09:00:00.000Z',
      acceptedAt: '2026-01-06T10:00:00.000Z',
      shippedAt: null,
    });
    const before = Date.now();
    const shipped = await patch(item.id, { status: 'shipped' }).expect(200);
    expect(shipped.body).toMatchObject({
      status: 'shipped',
      acceptedAt: '2026-01-06T10:00:00.000Z',
    });
    expect(Date.parse(shipped.body.shippedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(shipped.body.shippedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('declines from submitted or accepted, keeping an earlier acceptance', async () => {
    const fresh = await create();
    const declined = await patch(fresh.id, {
      status: 'declined',
      declinedAt: '2026-01-07',
    }).expect(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      acceptedAt: null,
      declinedAt: '2026-01-07T00:00:00.000Z',
    });
    const accepted = await create({ status: 'accepted', acceptedAt: '2026-01-06' });
    const later = await patch(accepted.id, { status: 'declined' }).expect(200);
    expect(later.body).toMatchObject({
      status: 'declined',
      acceptedAt: '2026-01-06T00:00:00.000Z',
      declinedAt: expect.any(String),
    });
  });

  it('accepts at the shipping date when recorded as shipped straight away', async () => {
    const item = await create({ status: 'shipped', shippedAt: '2026-02-01T00:00:00Z' });
    expect(item).toMatchObject({
      acceptedAt: '2026-02-01T00:00:00.000Z',
      shippedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  describe('refuses invalid transitions with 422 naming status, changing nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['shipped → submitted', { status: 'shipped' }, 'submitted'],
      ['shipped → declined', { status: 'shipped' }, 'declined'],
      ['declined → shipped', { status: 'declined' }, 'shipped'],
      ['declined → accepted', { status: 'declined' }, 'accepted'],
      ['accepted → submitted', { status: 'accepted' }, 'submitted'],
    ];
    it.each(cases)('%s', async (_label, start, target) => {
      const item = await create(start);
      const response = await patch(item.id, { status: target }).expect(422);
      expect(response.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: [expect.objectContaining({ field: 'status', code: 'invalidTransition' })],
      });
      expect((await get(item.id).expect(200)).body).toEqual(item);
    });
  });

  it('refuses a status date before the one it follows, or one that does not fit the status', async () => {
    const item = await create();
    const early = await patch(item.id, {
      status: 'accepted',
      acceptedAt: '2026-01-04T00:00:00Z',
    }).expect(422);
    expect(early.body.details[0]).toMatchObject({ field: 'acceptedAt', code: 'dateOrder' });
    const misplaced = await patch(item.id, {
      status: 'accepted',
      shippedAt: '2026-01-08T00:00:00Z',
    }).expect(400);
    expect(misplaced.body.details[0]).toMatchObject({ field: 'shippedAt' });
    expect((await get(item.id).expect(200)).body.status).toBe('submitted');
  });

  it('is idempotent on externalId: same 200 unchanged, a status change updated, other content 409', async () => {
    const body = buildFeedback({ externalId: 'canny-1', memberId: member.id });
    const first = await post(body).expect(201);
    const again = await post(body).expect(200);
    expect(again.body).toEqual(first.body);
    const moved = await post({ ...body, status: 'accepted', acceptedAt: '2026-01-09' }).expect(200);
    expect(moved.body).toMatchObject({
      id: first.body.id,
      status: 'accepted',
      acceptedAt: '2026-01-09T00:00:00.000Z',
    });
    const text = await post({ ...body, text: 'something else' }).expect(409);
    expect(text.body).toMatchObject({
      code: 'FEEDBACK_EXISTS',
      details: [expect.objectContaining({ field: 'text' })],
    });
    const back = await post({ ...body, status: 'submitted' }).expect(422);
    expect(back.body.details[0].field).toBe('status');
    expect(
      (await list({ memberId: member.id })).items.filter((item) => item.externalId === 'canny-1'),
    ).toHaveLength(1);
  });

  it('without an externalId, (member, text, submittedAt) is the key', async () => {
    const other = await createMember(test);
    const body = buildFeedback({ memberId: other.id, text: 'Same words' });
    const first = await post(body).expect(201);
    expect((await post(body).expect(200)).body.id).toBe(first.body.id);
    // No date sent: the same member and text are the same item.
    expect((await post({ ...body, submittedAt: undefined }).expect(200)).body.id).toBe(
      first.body.id,
    );
    const kind = await post({ ...body, kind: 'bug' }).expect(409);
    expect(kind.body.details[0].field).toBe('kind');
    await post({ ...body, submittedAt: '2026-02-05T09:00:00Z' }).expect(201);
    await post({ ...body, text: 'Same words!' }).expect(201);
    expect((await list({ memberId: other.id })).total).toBe(3);
  });

  it('has the database keep (member, text, submittedAt) unique without an externalId', async () => {
    const repository = test.app.get(DataSource).getRepository(Feedback);
    const item = await create({ text: 'Unique words' });
    const row = await repository.findOneByOrFail({ id: item.id });
    const duplicate = await repository.insert({ ...row, id: randomUUID() }).catch((error) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    await repository.insert({ ...row, id: randomUUID(), externalId: 'unique-with-id' });
  });

  it('filters by member, kind, status and submittedAt range, newest first, in pages', async () => {
    const someone = await createMember(test);
    const make = (overrides: Record<string, unknown>) =>
      create({ memberId: someone.id, ...overrides });
    const idea = await make({ submittedAt: '2026-03-01T00:00:00Z' });
    const bug = await make({ kind: 'bug', submittedAt: '2026-03-02T00:00:00Z' });
    const praise = await make({
      kind: 'praise',
      submittedAt: '2026-03-03T00:00:00Z',
      status: 'accepted',
    });
    const ids = (page: { items: Record<string, any>[] }) => page.items.map((item) => item.id);
    expect(ids(await list({ memberId: someone.id }))).toEqual([praise.id, bug.id, idea.id]);
    expect(ids(await list({ memberId: someone.id, kind: 'bug' }))).toEqual([bug.id]);
    expect(ids(await list({ memberId: someone.id, status: 'accepted' }))).toEqual([praise.id]);
    expect(ids(await list({ memberId: someone.id, from: '2026-03-02', to: '2026-03-03' }))).toEqual(
      [bug.id],
    );
    const page = await list({ memberId: someone.id, limit: 2, order: 'asc' });
    expect(ids(page)).toEqual([idea.id, bug.id]);
    expect(
      ids(await list({ memberId: someone.id, order: 'asc', cursor: page.nextCursor })),
    ).toEqual([praise.id]);
  });

  it('deletes', async () => {
    const item = await create();
    await test
      .http()
      .delete(`/api/v1/feedback/${item.id}`)
      .set('Authorization', test.keys.manager)
      .expect(204);
    const gone = await get(item.id).expect(404);
    expect(gone.body.code).toBe('FEEDBACK_NOT_FOUND');
  });

  describe('bad input gets a 4xx naming the field and stores nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['wrong kind', { kind: 'rant' }, 'kind'],
      ['missing kind', { kind: undefined }, 'kind'],
      ['wrong status', { status: 'done' }, 'status'],
      ['empty text', { text: '' }, 'text'],
      ['text not a string', { text: 42 }, 'text'],
      ['submitted in the future', { submittedAt: '2099-01-01T00:00:00Z' }, 'submittedAt'],
      ['shipped in the future', { status: 'shipped', shippedAt: '2099-01-01' }, 'shippedAt'],
      ['malformed date', { submittedAt: '05/01/2026' }, 'submittedAt'],
      ['malformed member email', { memberId: undefined, memberEmail: 'nope' }, 'memberEmail'],
      ['unknown member', { memberId: '00000000-0000-4000-8000-000000000000' }, 'memberId'],
      ['no member', { memberId: undefined }, 'memberId'],
      ['unknown field', { votes: 3 }, 'votes'],
    ];
    it.each(cases)('%s', async (_label, override, field) => {
      const before = (await list()).total;
      const response = await post(buildFeedback({ memberId: member.id, ...override }));
      expect([400, 422]).toContain(response.status);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
        field,
      );
      expect((await list()).total).toBe(before);
    });
  });

  it('imports feedback from NDJSON, idempotently, refusing bad rows', async () => {
    const importer = await createMember(test);
    const rows = [
      { externalId: 'imp-f1', memberEmail: importer.email, kind: 'idea', text: 'One <i>idea</i>' },
      {
        externalId: 'imp-f2',
        memberId: importer.id,
        kind: 'bug',
        text: 'Two',
        status: 'shipped',
        shippedAt: '2026-02-01',
      },
      { externalId: 'imp-f3', memberId: importer.id, kind: 'wish', text: 'Three' },
    ];
    const run = (body: Record<string, unknown>[]) =>
      test
        .http()
        .post('/api/v1/import/feedback')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'application/x-ndjson')
        .send(body.map((row) => JSON.stringify(row)).join('\n'))
        .expect(200);
    const first = (await run(rows)).body;
    expect(first.errors.map((error: { line: number }) => error.line)).toEqual([3]);
    expect(first).toMatchObject({ created: 2, refused: 1 });
    const again = (await run(rows)).body;
    expect(again).toMatchObject({ created: 0, unchanged: 2, refused: 1 });
    expect(again.errors[0]).toMatchObject({
      line: 3,
      details: [expect.objectContaining({ field: 'kind' })],
    });
    const moved = (
      await run([
        { ...rows[0], status: 'accepted' },
        { ...rows[1], status: 'submitted' },
      ])
    ).body;
    expect(moved).toMatchObject({ updated: 1, refused: 1 });
    expect(moved.errors[0].details[0]).toMatchObject({ field: 'status' });
    const stored = await list({ memberId: importer.id });
    expect(stored.items.map((item) => [item.externalId, item.status]).sort()).toEqual([
      ['imp-f1', 'accepted'],
      ['imp-f2', 'shipped'],
    ]);
  });
});
