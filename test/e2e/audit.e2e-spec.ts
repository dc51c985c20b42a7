import { Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AUDITED_ROUTES } from '../../src/audit/audit-actions';
import { AuditRetentionService } from '../../src/audit/audit-retention.service';
import { AuditWriter } from '../../src/audit/audit-writer.service';
import { keysCreateCommand } from '../../src/cli/keys-create.command';
import { sqliteConnection } from '../../src/database/sql';
import { createMember, createReferral } from '../support/factories';
import { uploadImport } from '../support/import-requests';
import { ADMIN_KEY, TestApp, createTestApp } from '../support/test-app';

type Entry = Record<string, any>;
const secretOf = (header: string) => header.replace(/^Bearer /, '');

/**
 * The audit log on the real app: each kind of write leaves one entry with its actor and record
 * ids, failed authentications too, nothing personal or secret is stored, the list filters and
 * pages, admins alone read it, and retention deletes what is past it. Imports run in a worker
 * thread here (IMPORT_WORKER_MIN_BYTES=0), the path large imports take.
 */
describe('audit log', () => {
  let test: TestApp;
  const keyIds: Record<string, string> = {};
  const EMAIL = 'ottilie.audit@private-mail.example';
  const NAME = 'Ottilie Auditson';

  const dataSource = () => test.app.get(DataSource);
  const settle = () => test.app.get(AuditWriter).settled();
  /** GET /api/v1/audit as the admin, after every entry started so far is written. */
  const audit = async (query: Record<string, string | number> = {}) => {
    await settle();
    const response = await test
      .http()
      .get('/api/v1/audit')
      .query(query)
      .set('Authorization', test.keys.admin)
      .expect(200);
    return response.body as { items: Entry[]; nextCursor: string | null; total: number };
  };
  /** The newest entry with this verb. */
  const latest = async (action: string) => (await audit({ action, limit: 1 })).items[0];
  const allRows = async () => {
    await settle();
    const entries = await dataSource().query('SELECT * FROM audit_entries');
    const records = await dataSource().query('SELECT * FROM audit_entry_records');
    return JSON.stringify([entries, records]);
  };

  beforeAll(async () => {
    test = await createTestApp({ IMPORT_WORKER_MIN_BYTES: '0' });
    const keys = await test
      .http()
      .get('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .expect(200);
    for (const key of keys.body.items) keyIds[key.name] = key.id;
  });
  afterAll(() => test.close());

  it('lets only admins read it', async () => {
    for (const role of ['manager', 'viewer'] as const) {
      const refused = await test
        .http()
        .get('/api/v1/audit')
        .set('Authorization', test.keys[role])
        .expect(403);
      expect(refused.body.code).toBe('ROLE_INSUFFICIENT');
    }
    await test.http().get('/api/v1/audit').expect(401);
  });

  it('records the keys created at start with the admin as actor and the new key as record', async () => {
    const created = await audit({ action: 'apiKey.create' });
    expect(created.items.map((entry) => entry.recordIds[0]).sort()).toEqual(
      [keyIds.manager, keyIds.viewer].sort(),
    );
    expect(created.items[0]).toMatchObject({
      actor: { kind: 'key', keyId: keyIds.HALO_ADMIN_KEY, keyName: 'HALO_ADMIN_KEY' },
      method: 'POST',
      route: '/api/v1/api-keys',
      statusCode: 201,
      outcome: 'success',
      remoteAddress: '127.0.0.1',
    });
  });

  it('records a create with who, the route pattern, the new id, the request id and the address', async () => {
    const response = await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.manager)
      .set('X-Request-Id', 'audit-create-1')
      .send({ externalId: 'crm-audit-1', email: 'first@example.com', name: 'First Person' })
      .expect(201);
    expect(await latest('member.create')).toMatchObject({
      actor: { kind: 'key', keyId: keyIds.manager, keyName: 'manager', keyPrefix: null },
      action: 'member.create',
      method: 'POST',
      route: '/api/v1/members',
      statusCode: 201,
      outcome: 'success',
      recordIds: [response.body.id],
      requestId: 'audit-create-1',
      remoteAddress: '127.0.0.1',
      details: null,
    });
  });

  it('records updates, purchases, approvals and merges with the ids they touch', async () => {
    const ada = await createMember(test);
    const twin = await createMember(test);
    await test
      .http()
      .patch(`/api/v1/members/${ada.id}`)
      .set('Authorization', test.keys.manager)
      .send({ tags: ['vip'] })
      .expect(200);
    expect(await latest('member.update')).toMatchObject({
      route: '/api/v1/members/:id',
      method: 'PATCH',
      recordIds: [ada.id],
    });

    const purchase = await test
      .http()
      .post('/api/v1/purchases')
      .set('Authorization', test.keys.manager)
      .send({
        externalId: 'order-audit-1',
        memberId: ada.id,
        amount: '12.50',
        currency: 'EUR',
        occurredAt: '2026-06-01T10:00:00Z',
      })
      .expect(201);
    const bought = await latest('purchase.create');
    expect(bought).toMatchObject({ actor: { keyId: keyIds.manager }, route: '/api/v1/purchases' });
    // The record created and the member it belongs to: a member's history shows their purchases.
    expect(bought.recordIds.sort()).toEqual([purchase.body.id, ada.id].sort());

    const flagged = await createReferral(test, {
      referrerId: ada.id,
      refereeEmail: 'someone@mailinator.com',
    });
    await test
      .http()
      .post(`/api/v1/referrals/${flagged.id}/approve`)
      .set('Authorization', test.keys.manager)
      .expect(200);
    const approval = await latest('referral.approve');
    expect(approval).toMatchObject({
      route: '/api/v1/referrals/:id/approve',
      statusCode: 200,
      outcome: 'success',
    });
    expect(approval.recordIds.sort()).toEqual([flagged.id, ada.id].sort());

    await test
      .http()
      .post(`/api/v1/members/${ada.id}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: twin.id })
      .expect(200);
    const merge = await latest('member.merge');
    expect(merge.recordIds.sort()).toEqual([ada.id, twin.id].sort());
    const touchingTwin = await audit({ recordId: twin.id });
    expect(touchingTwin.items.map((entry) => entry.action)).toEqual([
      'member.merge',
      'member.create',
    ]);
    const touchingAda = await audit({ recordId: ada.id });
    expect(touchingAda.items.map((entry) => entry.action)).toEqual([
      'member.merge',
      'referral.approve',
      'referral.create',
      'purchase.create',
      'member.update',
      'member.create',
    ]);
  });

  it('records a refused write with its actor, and a write through the dashboard session', async () => {
    await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.viewer)
      .send({ email: 'refused@example.com' })
      .expect(403);
    expect(await latest('member.create')).toMatchObject({
      actor: { kind: 'key', keyId: keyIds.viewer, keyName: 'viewer' },
      statusCode: 403,
      outcome: 'refused',
      recordIds: [],
    });

    const agent = request.agent(test.app.getHttpServer());
    const signedIn = await agent
      .post('/api/v1/session')
      .send({ key: secretOf(test.keys.manager) })
      .expect(201);
    expect(await latest('session.signIn')).toMatchObject({
      actor: { kind: 'session', keyId: keyIds.manager, keyName: 'manager' },
      route: '/api/v1/session',
      statusCode: 201,
      outcome: 'success',
    });
    const viaDashboard = await agent
      .post('/api/v1/members')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ email: 'via-dashboard@example.com' })
      .expect(201);
    expect(await latest('member.create')).toMatchObject({
      actor: { kind: 'session', keyId: keyIds.manager },
      recordIds: [viaDashboard.body.id],
    });
    await agent.delete('/api/v1/session').expect(204);
    expect(await latest('session.signOut')).toMatchObject({
      actor: { kind: 'session', keyId: keyIds.manager },
      statusCode: 204,
    });
  });

  it('records one entry per import, with its counts, also when a worker thread runs it', async () => {
    const before = (await audit({ action: 'import.create' })).total;
    const csv =
      'externalId,email,name\ncrm-imp-1,imp1@example.com,Imported One\ncrm-imp-2,not-an-email,Two\n';
    const response = await uploadImport(test, 'members', 'text/csv', csv).expect(200);
    expect(response.body).toMatchObject({ created: 1, refused: 1 });
    const imports = await audit({ action: 'import.create' });
    expect(imports.total).toBe(before + 1);
    expect(imports.items[0]).toMatchObject({
      actor: { kind: 'key', keyId: keyIds.manager },
      route: '/api/v1/import/:type',
      statusCode: 200,
      outcome: 'success',
      // The import's kept run (GET /api/v1/imports/:id), not the records it wrote.
      recordIds: [response.body.id],
      details: { type: 'members', rows: 2, created: 1, updated: 0, unchanged: 0, refused: 1 },
    });
  });

  it('records exports and erasures, and keeps nothing of the erased person', async () => {
    const person = await createMember(test, { email: EMAIL, name: NAME });
    await test
      .http()
      .post(`/api/v1/members/${person.id}/identities`)
      .set('Authorization', test.keys.manager)
      .send({ platform: 'instagram', handle: 'ottilie_handle' })
      .expect(201);
    await test
      .http()
      .get(`/api/v1/members/${person.id}/export`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(await latest('member.export')).toMatchObject({
      actor: { kind: 'key', keyId: keyIds.HALO_ADMIN_KEY },
      method: 'GET',
      route: '/api/v1/members/:id/export',
      recordIds: [person.id],
      outcome: 'success',
    });
    await test
      .http()
      .delete(`/api/v1/members/${person.id}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(await latest('member.erase')).toMatchObject({
      route: '/api/v1/members/:id',
      method: 'DELETE',
      recordIds: [person.id],
      outcome: 'success',
    });
    const history = await audit({ recordId: person.id });
    expect(history.items.map((entry) => entry.action)).toEqual([
      'member.erase',
      'member.export',
      'identity.create',
      'member.create',
    ]);
    const stored = await allRows();
    for (const personal of [EMAIL, NAME, 'ottilie_handle', 'private-mail'])
      expect(stored).not.toContain(personal);
  });

  it('records key revocation, and never a secret, a body or a query string', async () => {
    const created = await test
      .http()
      .post('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .send({ name: 'short-lived', role: 'viewer' })
      .expect(201);
    await test
      .http()
      .delete(`/api/v1/api-keys/${created.body.id}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(await latest('apiKey.revoke')).toMatchObject({
      route: '/api/v1/api-keys/:id',
      recordIds: [created.body.id],
    });
    await test
      .http()
      .get('/api/v1/members/00000000-0000-4000-8000-000000000000/export?email=leak@example.com')
      .set('Authorization', test.keys.admin)
      .expect(404);
    const stored = await allRows();
    for (const secret of [
      created.body.secret,
      ADMIN_KEY,
      secretOf(test.keys.manager),
      'leak@example.com',
      'first@example.com',
      'First Person',
      'Bearer',
    ])
      expect(stored).not.toContain(secret);
  });

  it('records a key created on the command line as Halo’s own act', async () => {
    const written = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await keysCreateCommand(test.app, { role: 'viewer', name: 'ops-cli' })).toBe(0);
    } finally {
      jest.restoreAllMocks();
    }
    const secret = String(written.mock.calls[0][0]).trim();
    const keys = await test
      .http()
      .get('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .expect(200);
    const created = keys.body.items.find((key: { name: string }) => key.name === 'ops-cli');
    expect(await latest('apiKey.create')).toMatchObject({
      actor: { kind: 'system', keyId: null, keyName: null },
      method: null,
      route: null,
      recordIds: [created.id],
      details: { via: 'cli' },
      outcome: 'success',
    });
    expect(await allRows()).not.toContain(secret);
  });

  it('records an import whose client left before the answer: no status, refused', async () => {
    await test.app.listen(0, '127.0.0.1');
    const { port } = test.app.getHttpServer().address() as AddressInfo;
    const before = (await audit({ action: 'import.create' })).total;
    await new Promise<void>((resolve) => {
      const upload = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/import/members',
        headers: {
          Authorization: test.keys.manager,
          'Content-Type': 'text/csv',
          'Transfer-Encoding': 'chunked',
        },
      });
      upload.on('error', () => resolve());
      upload.write('externalId,email,name\ncrm-left-1,left1@example.com,Left One\n', () =>
        setTimeout(() => upload.destroy(), 200),
      );
    });
    let entries = await audit({ action: 'import.create' });
    // The entry waits for the import's handler to give up; settled() waits for the entry.
    for (let tries = 0; entries.total === before && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      entries = await audit({ action: 'import.create' });
    }
    expect(entries.total).toBe(before + 1);
    expect(entries.items[0]).toMatchObject({
      actor: { kind: 'key', keyId: keyIds.manager },
      statusCode: null,
      outcome: 'refused',
    });
  });

  it('records failed authentications as anonymous, with a key prefix only for a Halo-shaped key', async () => {
    const guessed = `halo_${randomBytes(32).toString('base64url')}`;
    await test
      .http()
      .post('/api/v1/purchases')
      .set('Authorization', `Bearer ${guessed}`)
      .send({})
      .expect(401);
    expect(await latest('auth.failed')).toMatchObject({
      actor: { kind: 'anonymous', keyId: null, keyName: null, keyPrefix: guessed.slice(0, 11) },
      method: 'POST',
      route: '/api/v1/purchases',
      statusCode: 401,
      outcome: 'refused',
      recordIds: [],
    });
    const password = 'correct-horse-battery-staple-42';
    await test.http().post('/api/v1/session').send({ key: password }).expect(401);
    expect(await latest('auth.failed')).toMatchObject({
      actor: { kind: 'anonymous', keyPrefix: null },
      route: '/api/v1/session',
    });
    await test
      .http()
      .get('/docs-json')
      .set('Authorization', 'Bearer nope-nope-nope-nope')
      .expect(401);
    expect(await latest('auth.failed')).toMatchObject({ method: 'GET', route: null });
    const stored = await allRows();
    expect(stored).not.toContain(guessed);
    expect(stored).not.toContain(password);
    // A write with no key at all names no one and did nothing: it is left to the request log.
    const before = (await audit()).total;
    await test.http().post('/api/v1/members').send({}).expect(401);
    expect((await audit()).total).toBe(before);
  });

  it('adds the acting key id to the request log line', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      await test.http().get('/api/v1/members').set('Authorization', test.keys.viewer).expect(200);
      const line = log.mock.calls
        .map(([message]) => message as Record<string, unknown>)
        .find((message) => message?.path === '/api/v1/members');
      expect(line).toMatchObject({ actor: 'key', keyId: keyIds.viewer, status: 200 });
    } finally {
      log.mockRestore();
    }
  });

  it('filters by key, verb and period, and pages newest first without repeats', async () => {
    const byManager = await audit({ keyId: keyIds.manager, limit: 200 });
    expect(byManager.total).toBeGreaterThan(5);
    expect(byManager.items.every((entry) => entry.actor.keyId === keyIds.manager)).toBe(true);

    const everything = await audit({ limit: 200 });
    const ats = everything.items.map((entry) => Date.parse(entry.at));
    expect([...ats].sort((left, right) => right - left)).toEqual(ats);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null; total: number } = await audit({
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.total).toBe(everything.total);
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.items.map((entry) => entry.id));

    const middle = everything.items[Math.floor(everything.items.length / 2)];
    const window = await audit({ from: middle.at, limit: 200 });
    expect(window.items.every((entry) => entry.at >= middle.at)).toBe(true);
    expect(window.items.map((entry) => entry.id)).toContain(middle.id);
    const before = await audit({ to: middle.at, limit: 200 });
    expect(before.items.every((entry) => entry.at < middle.at)).toBe(true);
    expect(window.total + before.total).toBe(everything.total);

    const one = await test
      .http()
      .get(`/api/v1/audit/${middle.id}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(one.body).toEqual(middle);
    const missing = await test
      .http()
      .get(`/api/v1/audit/${randomUUID()}`)
      .set('Authorization', test.keys.admin)
      .expect(404);
    expect(missing.body.code).toBe('AUDIT_ENTRY_NOT_FOUND');
  });

  it.each([
    [{ keyId: 'not-a-uuid' }, 'keyId'],
    [{ recordId: '12' }, 'recordId'],
    [{ action: "member.erase'; DROP TABLE" }, 'action'],
    [{ from: '2026-13-01' }, 'from'],
    [{ from: '2026-12-02', to: '2026-12-01' }, 'from'],
    [{ cursor: 'garbage' }, 'cursor'],
    [{ limit: 0 }, 'limit'],
    [{ sort: 'at' }, 'sort'],
  ])('refuses %p in the house shape, naming %s', async (query, field) => {
    const refused = await test
      .http()
      .get('/api/v1/audit')
      .query(query)
      .set('Authorization', test.keys.admin)
      .expect(400);
    expect(refused.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(refused.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
  });

  it('gives every route of its verb table its verb, actor and route ids (here refused by role)', async () => {
    // Sign-in and a sender's webhook delivery need no role: their actors are tested apart.
    const routes = Object.entries(AUDITED_ROUTES).filter(
      ([route]) => !route.endsWith(' /api/v1/session') && !route.includes('/api/v1/webhooks/'),
    );
    for (const [route, { action }] of routes) {
      const [method, pattern] = route.split(' ');
      const ids: string[] = [];
      const path = pattern.replace(/:(\w+)/g, (_match, name: string) => {
        if (name === 'type') return 'members';
        ids.push(randomUUID());
        return ids[ids.length - 1];
      });
      const requestId = `verb-${action}-${method}`;
      const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
      const agent = test.http();
      await agent[verb](path)
        .set('Authorization', test.keys.viewer)
        .set('X-Request-Id', requestId)
        .expect(403);
      const entry = await latest(action);
      expect({ route, entry }).toMatchObject({
        route,
        entry: {
          action,
          method,
          route: pattern,
          requestId,
          actor: { kind: 'key', keyId: keyIds.viewer },
          statusCode: 403,
          outcome: 'refused',
        },
      });
      expect(entry.recordIds.sort()).toEqual(ids.sort());
    }
  });

  const onSqlite = process.env.TEST_DATABASE_URL ? it.skip : it;
  onSqlite('on SQLite, never joins (and dies with) another flow’s open transaction', async () => {
    const sqlite = sqliteConnection(dataSource())!;
    const count = () =>
      Number(
        (
          sqlite
            .prepare("SELECT COUNT(*) AS n FROM audit_entries WHERE request_id = 'tx-1'")
            .get() as {
            n: number;
          }
        ).n,
      );
    sqlite.exec('BEGIN');
    const writing = test.app.get(AuditWriter).record({
      actor: { kind: 'system', keyId: null, keyName: null },
      keyPrefix: null,
      action: 'test.transaction',
      method: null,
      route: null,
      statusCode: null,
      outcome: 'success',
      requestId: 'tx-1',
      remoteAddress: null,
      recordIds: [randomUUID()],
      details: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count()).toBe(0);
    sqlite.exec('ROLLBACK');
    await writing;
    expect(count()).toBe(1);
  });

  it('names only routes that exist in its verb table', async () => {
    const document = await test
      .http()
      .get('/docs-json')
      .set('Authorization', test.keys.admin)
      .expect(200);
    const routes = new Set(
      Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, operations]) =>
          Object.keys(operations).map(
            (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
          ),
      ),
    );
    expect(Object.keys(AUDITED_ROUTES).filter((route) => !routes.has(route))).toEqual([]);
    expect(routes.has('GET /api/v1/audit')).toBe(true);
  });

  it('deletes entries past AUDIT_RETENTION_DAYS once a day, and says so in an entry of its own', async () => {
    await settle();
    const total = (await audit()).total;
    const [oldest, second] = (await audit({ order: 'asc', limit: 2 })).items;
    const longAgo = Date.now() - 401 * 86_400_000;
    for (const table of ['audit_entries', 'audit_entry_records']) {
      const idColumn = table === 'audit_entries' ? 'id' : 'entry_id';
      await dataSource().query(
        `UPDATE ${table} SET at = ${longAgo} WHERE ${idColumn} IN ('${oldest.id}', '${second.id}')`,
      );
    }
    const retention = test.app.get(AuditRetentionService);
    const at = new Date();
    expect(await retention.fire(at)).toBe('ran');
    const purge = await latest('audit.purge');
    expect(purge).toMatchObject({
      actor: { kind: 'system', keyId: null },
      details: { deleted: 2, retentionDays: 400 },
      outcome: 'success',
    });
    expect((await audit()).total).toBe(total - 2 + 1);
    const orphans = await dataSource().query(
      `SELECT COUNT(*) AS n FROM audit_entry_records WHERE entry_id IN ('${oldest.id}', '${second.id}')`,
    );
    expect(Number(orphans[0].n)).toBe(0);
  });
});

/** The address an entry keeps is the one the failed-authentication limit counts (TRUST_PROXY). */
describe.each([
  ['false', '127.0.0.1'],
  ['true', '203.0.113.9'],
])('audit log with TRUST_PROXY=%s', (trustProxy, expected) => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp({ TRUST_PROXY: trustProxy })));
  afterAll(() => test.close());

  it(`keeps ${expected} as the address of a request forwarded for 203.0.113.9`, async () => {
    const member = await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.manager)
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: 'forwarded@example.com' })
      .expect(201);
    await test.app.get(AuditWriter).settled();
    const { body } = await test
      .http()
      .get('/api/v1/audit')
      .query({ recordId: member.body.id })
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({ action: 'member.create', remoteAddress: expected }),
    ]);
  });
});
