import { DataSource } from 'typeorm';
import { ImportRun } from '../../src/imports/runs/import-run.entity';
import { TestApp, createTestApp } from '../support/test-app';
import { createMember } from '../support/factories';
import { listTotal } from '../support/import-requests';

const UUID_V4 = '6f1c2a4e-8b3d-4c5e-9f7a-0b1c2d3e4f50';

// The kept reports, dry runs and undo, with imports on the main thread and in a worker thread.
describe.each([
  ['on the main thread', {}],
  ['in a worker thread', { IMPORT_WORKER_MIN_BYTES: '0' }],
])('import reports %s', (_where, environment: Record<string, string>) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp(environment);
  });
  afterAll(() => test.close());

  const upload = (
    type: string,
    contentType: string,
    body: string | Buffer,
    query: Record<string, string> = {},
  ) =>
    test
      .http()
      .post(`/api/v1/import/${type}`)
      .query(query)
      .set('Authorization', test.keys.manager)
      .set('Content-Type', contentType)
      .send(body);
  const run = (id: string, role: 'manager' | 'viewer' = 'manager') =>
    test.http().get(`/api/v1/imports/${id}`).set('Authorization', test.keys[role]);
  const undo = (id: string) =>
    test.http().delete(`/api/v1/imports/${id}`).set('Authorization', test.keys.manager);
  const members = (query: Record<string, string>) => listTotal(test, '/api/v1/members', query);

  it('keeps the run with its counts and refused rows, none of whose reasons holds a value', async () => {
    const member = await createMember(test, {
      externalId: 'rep-buyer',
      email: 'buyer@example.com',
    });
    const ndjson = [
      JSON.stringify({
        externalId: 'rep-o1',
        memberId: member.id,
        amount: '10.00',
        currency: 'EUR',
        occurredAt: '2026-01-02T10:00:00Z',
      }),
      JSON.stringify({
        externalId: 'rep-o2',
        memberEmail: 'ghost.person@example.com',
        amount: '5.00',
        currency: 'EUR',
        occurredAt: '2026-01-02T10:00:00Z',
      }),
      '{"externalId": "rep-o3", "amount": "x"',
    ].join('\n');
    const response = await upload('purchases', 'application/x-ndjson', ndjson).expect(200);
    expect(response.body).toMatchObject({ created: 1, refused: 2, dryRun: false });
    const id = response.body.id as string;

    const kept = await run(id).expect(200);
    expect(kept.body).toMatchObject({
      id,
      type: 'purchases',
      format: 'ndjson',
      status: 'succeeded',
      dryRun: false,
      rows: 3,
      created: 1,
      refused: 2,
      rowsStored: 1,
      failureCode: null,
      errorsTruncated: false,
    });
    expect(Date.parse(kept.body.startedAt)).not.toBeNaN();
    expect(Date.parse(kept.body.finishedAt)).toBeGreaterThanOrEqual(
      Date.parse(kept.body.startedAt),
    );
    expect(kept.body.errors.map((error: { line: number }) => error.line)).toEqual([2, 3]);
    expect(kept.body.errors[0]).toEqual({
      line: 2,
      field: expect.any(String),
      code: expect.any(String),
      reason: expect.any(String),
    });
    // The answer may quote the row; the kept report never does.
    expect(JSON.stringify(kept.body)).not.toContain('ghost.person');
    expect(JSON.stringify(kept.body)).not.toContain('rep-o2');

    const csv = await test
      .http()
      .get(`/api/v1/imports/${id}/errors`)
      .set('Authorization', test.keys.manager)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('line,field,code,reason');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2,/);
    expect(csv.text).not.toContain('ghost.person');

    await run(id, 'viewer').expect(403);
    await run('00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('marks a run whose process died (no live lease) failed, INTERRUPTED, and lets it be undone', async () => {
    const id = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a'.replace(
      '3d2c',
      environment.IMPORT_WORKER_MIN_BYTES ? '4d2c' : '3d2c',
    );
    await test.app
      .get(DataSource)
      .getRepository(ImportRun)
      .insert({
        id,
        type: 'members',
        format: 'csv',
        status: 'running',
        dryRun: false,
        startedAt: Date.now() - 120_000,
      });
    const kept = await run(id).expect(200);
    expect(kept.body).toMatchObject({ status: 'failed', failureCode: 'INTERRUPTED' });
    expect(Date.parse(kept.body.finishedAt)).not.toBeNaN();
    expect((await undo(id).expect(200)).body).toMatchObject({ status: 'undone', deleted: {} });
  });

  it('lists runs newest first, keyset-paginated, filtered by status and type', async () => {
    const first = await upload('members', 'text/csv', 'externalId,name\nlist-1,A\n').expect(200);
    const second = await upload('members', 'text/csv', 'externalId,name\nlist-2,B\n').expect(200);
    const page = await test
      .http()
      .get('/api/v1/imports')
      .query({ limit: '1', type: 'members', status: 'succeeded' })
      .set('Authorization', test.keys.manager)
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].id).toBe(second.body.id);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await test
      .http()
      .get('/api/v1/imports')
      .query({ limit: '1', type: 'members', status: 'succeeded', cursor: page.body.nextCursor })
      .set('Authorization', test.keys.manager)
      .expect(200);
    expect(next.body.items[0].id).toBe(first.body.id);
    const none = await test
      .http()
      .get('/api/v1/imports')
      .query({ status: 'aborted', type: 'members' })
      .set('Authorization', test.keys.manager)
      .expect(200);
    expect(none.body.items).toEqual([]);
    await test
      .http()
      .get('/api/v1/imports')
      .query({ status: 'finished' })
      .set('Authorization', test.keys.manager)
      .expect(400);
  });

  it('takes the client’s importId: 400 when not a UUID v4, 409 when taken', async () => {
    const body = 'externalId,name\nid-1,A\n';
    const chosen = await upload('members', 'text/csv', body, { importId: UUID_V4 }).expect(200);
    expect(chosen.body.id).toBe(UUID_V4);
    expect((await run(UUID_V4).expect(200)).body.status).toBe('succeeded');
    const taken = await upload('members', 'text/csv', body, { importId: UUID_V4 }).expect(409);
    expect(taken.body).toMatchObject({ code: 'IMPORT_ID_TAKEN' });
    const bad = await upload('members', 'text/csv', body, { importId: 'not-a-uuid' }).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'importId' });
    // A UUID of another version is not one a client should pick at random.
    await upload('members', 'text/csv', body, {
      importId: '6f1c2a4e-8b3d-1c5e-9f7a-0b1c2d3e4f50',
    }).expect(400);
  });

  it('dry run: says what would happen, stores nothing, keeps the run marked dryRun', async () => {
    await createMember(test, {
      externalId: 'dry-known',
      name: 'Known',
      email: 'known@example.com',
    });
    const csv =
      'externalId,name,email\ndry-new,New,new@example.com\ndry-known,Known,known@example.com\ndry-bad,Bad,not-an-email\n';
    const response = await upload('members', 'text/csv', csv, { dryRun: 'true' }).expect(200);
    expect(response.body).toMatchObject({
      dryRun: true,
      rows: 3,
      created: 1,
      unchanged: 1,
      refused: 1,
    });
    expect(await members({ q: 'dry-new' })).toBe(0);
    const kept = await run(response.body.id as string).expect(200);
    expect(kept.body).toMatchObject({ dryRun: true, status: 'succeeded', created: 1, refused: 1 });
    expect(kept.body.errors).toHaveLength(1);
    const refused = await undo(response.body.id as string).expect(409);
    expect(refused.body.code).toBe('IMPORT_NOT_UNDOABLE');
    await upload('members', 'text/csv', csv, { dryRun: 'maybe' }).expect(400);
  });

  it('undo deletes what the import created unless something else references it; twice is 409', async () => {
    const created = await upload(
      'members',
      'text/csv',
      'externalId,name\nundo-1,One\nundo-2,Two\nundo-3,Three\n',
    ).expect(200);
    const importId = created.body.id as string;
    const [buyer] = (
      await test
        .http()
        .get('/api/v1/members')
        .query({ q: 'undo-2' })
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body.items as { id: string }[];
    const purchases = await upload(
      'purchases',
      'application/json',
      JSON.stringify([
        {
          externalId: 'undo-order',
          memberId: buyer.id,
          amount: '20.00',
          currency: 'EUR',
          occurredAt: '2026-02-01T09:00:00Z',
        },
      ]),
    ).expect(200);

    const undone = await undo(importId).expect(200);
    expect(undone.body).toEqual({
      id: importId,
      status: 'undone',
      deleted: { members: 2 },
      kept: { members: 1 },
      keptRecords: [{ recordType: 'members', id: buyer.id }],
    });
    expect(await members({ q: 'undo-' })).toBe(1);
    expect((await run(importId).expect(200)).body.status).toBe('undone');
    expect((await undo(importId).expect(409)).body.code).toBe('IMPORT_NOT_UNDOABLE');

    // The purchases' import can go; then nothing holds the member, but its import is undone.
    const second = await undo(purchases.body.id as string).expect(200);
    expect(second.body).toMatchObject({ deleted: { purchases: 1 }, kept: { purchases: 0 } });
    expect(await listTotal(test, '/api/v1/purchases', { memberId: buyer.id })).toBe(0);

    const audit = await test
      .http()
      .get('/api/v1/audit')
      .query({ action: 'import.undo', recordId: importId })
      .set('Authorization', test.keys.admin)
      .expect(200);
    // The undo and the refused second one.
    expect(audit.body.items.map((entry: { outcome: string }) => entry.outcome)).toEqual([
      'refused',
      'success',
    ]);
    await undo('00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('decodes windows-1252 (and its labels latin1, iso-8859-1); refuses invalid UTF-8 with line and column', async () => {
    const latin = Buffer.concat([
      Buffer.from('externalId,name\ncp_1,Ren'),
      Buffer.from([0xe9, 0x20, 0x80]),
      Buffer.from('\n'),
    ]);
    for (const [index, label] of ['windows-1252', 'latin1', 'ISO-8859-1'].entries()) {
      const body = Buffer.from(latin.toString('latin1').replace('cp_1', `cp_${index}`), 'latin1');
      await upload('members', `text/csv; charset=${label}`, body).expect(200);
      const listed = await test
        .http()
        .get('/api/v1/members')
        // An underscore no generated name holds (they are base 36), so only this row matches.
        .query({ q: `cp_${index}` })
        .set('Authorization', test.keys.viewer)
        .expect(200);
      expect(listed.body.items[0].name).toBe('René €');
    }
    const invalid = await upload('members', 'text/csv', latin).expect(400);
    expect(invalid.body).toMatchObject({ code: 'BODY_UNREADABLE' });
    expect(invalid.body.details[0]).toEqual({
      field: '(body)',
      reason: 'is not valid UTF-8 at line 2, column 9 (byte 24)',
      code: 'invalidUtf8',
    });
    const unknown = await upload('members', 'text/csv; charset=x-unknown', 'name\n').expect(415);
    expect(unknown.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: [{ field: 'Content-Type', code: 'unsupportedMediaType' }],
    });
  });
});
