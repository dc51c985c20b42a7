import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DigestClaim } from '../../src/digests/digest-claim.entity';
import { emlText } from '../../src/digests/mail/eml-text';
import { addIdentity, createMember, createMention, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/** Weekly on Monday 08:00 in Rome: the period last completed at AT is 2–9 November 2026. */
const AT = '2026-11-09T12:00:00Z';

/**
 * What else names an erased person (digest mails in the outbox and in their claims) and the
 * lifecycle after an erasure: tombstone counts that name nobody, and lifting a tombstone on the
 * person's new consent so that they can be recorded again.
 */
describe('privacy: digest mails, tombstone counts and lifting', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let outbox: string;
  const NAME = 'Wilhelmina Ötzi-Erasable';
  const EMAIL = 'wilhelmina.oetzi@erase-me.example';
  const HANDLE = 'wilhelmina_handle';
  const EXTERNAL_ID = 'crm-wilhelmina';
  let wilhelmina: Record<string, any>;
  let bob: Record<string, any>;

  const as = (role: 'admin' | 'manager' | 'viewer') => test.keys[role];
  const claims = () => test.app.get(DataSource).getRepository(DigestClaim).find();
  const outboxTexts = () =>
    readdirSync(outbox)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => ({ name, text: emlText(readFileSync(join(outbox, name))) }));

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'halo-outbox-'));
    test = await createTestApp({
      DIGEST_OUTBOX_DIR: outbox,
      PUBLIC_BASE_URL: 'https://halo.example.com',
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    wilhelmina = await createMember(test, { name: NAME, email: EMAIL, externalId: EXTERNAL_ID });
    await addIdentity(test, wilhelmina.id, 'instagram', HANDLE);
    bob = await createMember(test, { name: 'Bob Keeper', email: 'bob@keep.example' });
    for (const [member, occurredAt, amount] of [
      [wilhelmina, '2026-10-28T10:00:00Z', '100.00'],
      [wilhelmina, '2026-11-03T10:00:00Z', '150.00'],
      [bob, '2026-11-04T10:00:00Z', '40.00'],
    ] as const)
      await createPurchase(test, { memberId: member.id, occurredAt, amount });
    // Her post in the period: she is among the notable authors and the advocates.
    await createMention(test, {
      memberId: wilhelmina.id,
      postedAt: '2026-11-06T09:00:00Z',
      reach: 5000,
      handle: `@${HANDLE}`,
      url: 'https://instagram.com/p/wilhelmina-post',
    });
    await createMention(test, {
      memberId: bob.id,
      postedAt: '2026-11-07T09:00:00Z',
      reach: 4000,
      handle: '@bob_keeper',
    });
    await createMention(test, {
      memberId: wilhelmina.id,
      postedAt: '2026-10-30T09:00:00Z',
      reach: 3000,
      handle: `@${HANDLE}`,
    });
    for (const asOf of ['2026-11-01T12:00:00Z', '2026-11-08T12:00:00Z'])
      await test
        .http()
        .post('/api/v1/value/recompute')
        .set('Authorization', as('manager'))
        .send({ asOf })
        .expect(200);
    const subscription = await test
      .http()
      .post('/api/v1/digests/subscriptions')
      .set('Authorization', as('admin'))
      .send({
        recipients: ['team@example.com', 'boss@example.com'],
        cadence: 'weekly',
        weekday: 'monday',
        timezone: 'Europe/Rome',
        sendAt: '08:00',
      })
      .expect(201);
    await test
      .http()
      .post(`/api/v1/digests/subscriptions/${subscription.body.id}/send`)
      .set('Authorization', as('admin'))
      .send({ at: AT })
      .expect(200);
    // A mail of another digest that does not name her stays.
    writeFileSync(join(outbox, 'unrelated.eml'), 'Subject: other\n\nBob Keeper only\n');
  });
  afterAll(async () => {
    await test.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('erases the digest mails that name her: outbox files deleted, claims rewritten', async () => {
    const before = outboxTexts();
    expect(before.filter(({ text }) => text.includes(NAME))).toHaveLength(2);
    const [claim] = await claims();
    expect(claim.html).toContain('Wilhelmina');
    expect(claim.text).toContain(NAME);

    const erased = await test
      .http()
      .delete(`/api/v1/members/${wilhelmina.id}`)
      .set('Authorization', as('admin'))
      .expect(200);
    expect(erased.body.removed).toMatchObject({ digestOutboxFiles: 2, digestClaims: 1 });

    const after = outboxTexts();
    expect(after.map(({ name }) => name)).toEqual(['unrelated.eml']);
    for (const { text } of after) {
      expect(text).not.toContain('Wilhelmina');
      expect(text).not.toContain(EMAIL);
    }
    const [scrubbed] = await claims();
    for (const part of [scrubbed.subject, scrubbed.html, scrubbed.text]) {
      expect(part).not.toMatch(/Wilhelmina|erase-me/);
    }
    // The claim still reads as a digest: she is "A member" now, Bob is still named.
    expect(scrubbed.text).toContain('A member');
    expect(scrubbed.text).toContain('Bob Keeper');
    expect(scrubbed.html).toContain('Bob Keeper');
  });

  it('leaves nothing of her in the SQLite file or its WAL', () => {
    if (test.database.kind !== 'sqlite') return;
    const file = test.database.environment.SQLITE_PATH;
    const bytes = Buffer.concat(
      [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)),
    );
    for (const needle of [NAME, 'Wilhelmina', EMAIL, HANDLE, EXTERNAL_ID])
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
  });

  it('counts tombstones by kind, naming nobody, for admins only', async () => {
    await test
      .http()
      .get('/api/v1/erasure-tombstones/counts')
      .set('Authorization', as('manager'))
      .expect(403);
    const counts = await test
      .http()
      .get('/api/v1/erasure-tombstones/counts')
      .set('Authorization', as('admin'))
      .expect(200);
    expect(counts.body).toEqual({
      total: 3,
      byKind: { email: 1, handle: 1, externalId: 1 },
      members: 1,
    });
  });

  it('lifts her tombstones on her new consent, after which she can be recorded again', async () => {
    const lift = (body: Record<string, unknown>, role: 'admin' | 'manager' = 'admin') =>
      test.http().post('/api/v1/erasure-tombstones/lift').set('Authorization', as(role)).send(body);
    const reason = 'signed up again on 2026-12-01, consent ref 4411';
    expect((await lift({ email: EMAIL, reason }, 'manager')).status).toBe(403);
    const none = await lift({ reason });
    expect(none.status).toBe(400);
    expect(none.body.details[0]).toMatchObject({ field: 'email', code: 'required' });
    const unknown = await lift({ email: 'never-erased@example.com', reason });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('TOMBSTONE_NOT_FOUND');
    expect((await lift({ email: EMAIL })).status).toBe(400);

    // Still refused before the lift.
    const refused = await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', as('manager'))
      .send({ email: EMAIL.toUpperCase(), name: NAME });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ERASED_PERSON');

    const lifted = await lift({
      email: EMAIL.toUpperCase(),
      handles: [{ platform: 'Instagram', handle: `@${HANDLE}` }],
      reason,
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toEqual({
      lifted: 2,
      identifiers: [
        { kind: 'email', lifted: true },
        { kind: 'handle', lifted: true },
      ],
      reason,
    });
    const again = await createMember(test, { email: EMAIL, name: NAME });
    await addIdentity(test, again.id, 'instagram', HANDLE);
    // The externalId was not presented: its tombstone stays.
    const external = await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', as('manager'))
      .send({ externalId: EXTERNAL_ID });
    expect(external.status).toBe(409);
    expect(external.body.code).toBe('ERASED_PERSON');
    const counts = await test
      .http()
      .get('/api/v1/erasure-tombstones/counts')
      .set('Authorization', as('admin'));
    expect(counts.body).toEqual({
      total: 1,
      byKind: { email: 0, handle: 0, externalId: 1 },
      members: 1,
    });
  });
});
