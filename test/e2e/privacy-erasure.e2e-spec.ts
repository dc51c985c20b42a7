import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MailTransport } from '../../src/digests/mail/mail-transport';
import { emlText } from '../../src/digests/mail/eml-text';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import {
  addIdentity,
  createAttendance,
  createEvent,
  createFeedback,
  createMember,
  createMention,
  createPurchase,
  createReferral,
  createReview,
} from '../support/factories';
import { uploadImport } from '../support/import-requests';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * Export and erasure of a person. Zelda was invited by rena (by email, before she was a member),
 * bought twice, attended an event (as a member and, at another, by email), reviewed, mentioned
 * the brand under her handle and sent feedback. Erased, none of her email, name or handle is
 * left in the database (on SQLite: in the file's and the WAL's bytes), her activity stays as an
 * anonymous member's so that rena's referral value does not move, and she is not let back in.
 */
describe('privacy: export and erasure', () => {
  let test: TestApp;
  const EMAIL = 'zelda.quixote@erase-me.example';
  const NAME = 'Zelda Quixote';
  const HANDLE = 'zelda_q_handle';
  const EXTERNAL_ID = 'crm-zelda-quixote';
  const MENTION_URL = 'https://instagram.com/p/zelda-post-1';
  const FEEDBACK = 'Zelda asks for a lighter trail shoe';
  let zelda: Record<string, any>;
  let rena: Record<string, any>;
  let renaReferralMinor: number;

  const as = (role: 'admin' | 'manager' | 'viewer') => test.keys[role];
  const dataSource = () => test.app.get(DataSource);
  const renaSnapshot = () =>
    dataSource()
      .getRepository(ValueSnapshot)
      .findOneByOrFail({ memberId: rena.id, asOfDate: '2026-06-01' });
  const recompute = async () => {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', as('manager'))
      .send({ asOf: '2026-06-01' })
      .expect(200);
    expect(run.body.status).toBe('succeeded');
  };
  /** The database file and its WAL as bytes, as anyone with the disk would read them. */
  const databaseBytes = () => {
    const file = test.database.environment.SQLITE_PATH;
    const parts = [file, `${file}-wal`].filter((path) => existsSync(path));
    return Buffer.concat(parts.map((path) => readFileSync(path)));
  };
  const NEEDLES = [EMAIL, NAME, HANDLE, MENTION_URL, FEEDBACK];
  const outbox = mkdtempSync(join(tmpdir(), 'halo-erasure-outbox-'));
  /** The digest outbox's .eml files, as a mail client would read them (encodings decoded). */
  const outboxTexts = () =>
    readdirSync(outbox).map((name) => emlText(readFileSync(join(outbox, name))));
  /** A digest mail as the outbox transport writes it, naming whom it is given. */
  const digestMail = (id: string, advocate: string) =>
    test.app.get(MailTransport).send({
      from: 'Halo <halo@localhost>',
      to: 'team@example.com',
      subject: 'Halo · Weekly digest',
      text: `Top advocates\n1. ${advocate}: €180.00\n   https://halo.example.com/#/members/x`,
      html: `<p>Top advocates</p><ol><li><a href="#">${advocate}</a>: €180.00</li></ol>`,
      messageId: `<halo-digest.${id}@localhost>`,
      headers: {},
    });

  beforeAll(async () => {
    test = await createTestApp({ DIGEST_OUTBOX_DIR: outbox });
    rena = await createMember(test, { name: 'Rena Referrer', email: 'rena@rena-mail.example' });
    await createReferral(test, {
      referrerId: rena.id,
      refereeEmail: EMAIL,
      invitedAt: '2026-03-01T00:00:00Z',
    });
    // Before she was a member, she came to a workshop by email.
    const workshop = await createEvent(test, { startsAt: '2026-02-20T18:00:00Z' });
    await createAttendance(test, workshop.id, { email: EMAIL.toUpperCase() });
    zelda = await createMember(test, {
      name: NAME,
      email: EMAIL,
      externalId: EXTERNAL_ID,
      tags: ['vip'],
    });
    await addIdentity(test, zelda.id, 'instagram', HANDLE);
    await createPurchase(test, {
      memberId: zelda.id,
      amount: '100.00',
      occurredAt: '2026-04-10T00:00:00Z',
    });
    await createPurchase(test, {
      memberId: zelda.id,
      amount: '80.00',
      occurredAt: '2026-05-10T00:00:00Z',
    });
    const meetup = await createEvent(test, { startsAt: '2026-04-01T18:00:00Z' });
    await createAttendance(test, meetup.id, { memberId: zelda.id });
    await createReview(test, {
      memberId: zelda.id,
      title: `${NAME} loves them`,
      body: 'Light and sturdy.',
    });
    await createMention(test, { handle: `@${HANDLE}`, url: MENTION_URL });
    await createFeedback(test, { memberId: zelda.id, text: FEEDBACK });
    await recompute();
    renaReferralMinor = (await renaSnapshot()).referralMinor;
    await digestMail('names-zelda', NAME);
    await digestMail('names-rena', 'Rena Referrer');
  });
  afterAll(async () => {
    await test.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('lets only an admin export or erase, and answers 404 for an unknown member', async () => {
    for (const role of ['manager', 'viewer'] as const) {
      await test
        .http()
        .get(`/api/v1/members/${zelda.id}/export`)
        .set('Authorization', as(role))
        .expect(403);
      await test
        .http()
        .delete(`/api/v1/members/${zelda.id}`)
        .set('Authorization', as(role))
        .expect(403);
    }
    const unknown = randomUUID();
    const missing = await test
      .http()
      .get(`/api/v1/members/${unknown}/export`)
      .set('Authorization', as('admin'))
      .expect(404);
    expect(missing.body.code).toBe('MEMBER_NOT_FOUND');
    await test
      .http()
      .delete(`/api/v1/members/${unknown}`)
      .set('Authorization', as('admin'))
      .expect(404);
  });

  it('exports everything held about the person', async () => {
    const { body } = await test
      .http()
      .get(`/api/v1/members/${zelda.id}/export`)
      .set('Authorization', as('admin'))
      .expect(200);
    expect(body.member).toMatchObject({
      id: zelda.id,
      email: EMAIL,
      name: NAME,
      externalId: EXTERNAL_ID,
    });
    expect(body.tags.map((tag: { tag: string }) => tag.tag)).toEqual(['vip']);
    expect(body.identities).toEqual([
      expect.objectContaining({ platform: 'instagram', handle: HANDLE }),
    ]);
    expect(body.purchases).toHaveLength(2);
    expect(body.referralsAsReferee).toEqual([
      expect.objectContaining({ referrerId: rena.id, refereeEmail: EMAIL }),
    ]);
    expect(body.referralsAsReferrer).toEqual([]);
    expect(body.eventAttendance).toEqual([
      expect.objectContaining({ emailNormalized: EMAIL }),
      expect.objectContaining({ email: null }),
    ]);
    expect(body.reviews).toEqual([expect.objectContaining({ title: `${NAME} loves them` })]);
    expect(body.mentions).toEqual([expect.objectContaining({ url: MENTION_URL })]);
    expect(body.feedback).toEqual([expect.objectContaining({ text: FEEDBACK })]);
    expect(body.valueSnapshots.length).toBeGreaterThan(0);
    expect(body.valueSnapshots[0]).toHaveProperty('engagement');
    expect(body.mergedMembers).toEqual([]);
  });

  it('erases the person: nothing of them left in the database, their activity kept', async () => {
    if (test.database.kind === 'sqlite') {
      const before = databaseBytes();
      // The test can fail: before the erasure every string is there to be found.
      for (const needle of NEEDLES) expect(before.includes(needle)).toBe(true);
    }
    expect(outboxTexts().filter((text) => text.includes(NAME))).toHaveLength(1);
    const { body } = await test
      .http()
      .delete(`/api/v1/members/${zelda.id}`)
      .set('Authorization', as('admin'))
      .expect(200);
    expect(body).toMatchObject({
      memberId: zelda.id,
      removed: {
        members: 1,
        tags: 1,
        identities: 1,
        referralCodes: 1,
        refereeEmails: 1,
        attendanceEmails: 1,
        reviewTexts: 1,
        feedbackTexts: 1,
        mentionUrls: 1,
        valueSnapshots: 1,
        // email, externalId and the handle
        tombstones: 3,
        digestOutboxFiles: 1,
      },
    });
    // The outbox keeps the other mail, and nothing of her.
    const mails = outboxTexts();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Rena Referrer');
    for (const needle of NEEDLES)
      expect({ needle, inOutbox: mails.some((text) => text.includes(needle)) }).toEqual({
        needle,
        inOutbox: false,
      });

    if (test.database.kind === 'sqlite') {
      const after = databaseBytes();
      for (const needle of NEEDLES)
        expect({ needle, found: after.includes(needle) }).toEqual({
          needle,
          found: false,
        });
    } else {
      // On PostgreSQL no row holds them any more (the dead tuples go at the next VACUUM).
      const tables = (await dataSource().query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      )) as { table_name: string }[];
      for (const needle of NEEDLES)
        for (const { table_name: table } of tables) {
          const [row] = (await dataSource().query(
            `SELECT count(*)::int AS n FROM "${table}" t WHERE lower(t::text) LIKE $1`,
            [`%${needle.toLowerCase()}%`],
          )) as { n: number }[];
          expect({ table, needle, rows: row.n }).toEqual({ table, needle, rows: 0 });
        }
    }

    const { body: left } = await test
      .http()
      .get(`/api/v1/members/${zelda.id}/export`)
      .set('Authorization', as('admin'))
      .expect(200);
    expect(left.member).toMatchObject({ email: null, name: null, externalId: null });
    expect(left.member.referralCode).not.toBe(zelda.referralCode);
    expect(left.identities).toEqual([]);
    expect(left.tags).toEqual([]);
    expect(left.purchases).toHaveLength(2);
    expect(left.referralsAsReferee).toEqual([
      expect.objectContaining({ referrerId: rena.id, refereeEmail: null }),
    ]);
    expect(left.reviews).toEqual([expect.objectContaining({ title: null, body: null })]);
    expect(left.mentions).toEqual([
      expect.objectContaining({ url: `erased:${left.mentions[0].id}`, handle: '' }),
    ]);
    expect(left.feedback).toEqual([expect.objectContaining({ text: '' })]);
    expect(left.valueSnapshots).toEqual([]);
  });

  it("keeps the referrer's value: the erased referee's purchases still count", async () => {
    await recompute();
    expect(renaReferralMinor).toBeGreaterThan(0);
    expect((await renaSnapshot()).referralMinor).toBe(renaReferralMinor);
  });

  it('refuses the erased person when created again by email, externalId or handle', async () => {
    const post = (body: object) =>
      test.http().post('/api/v1/members').set('Authorization', as('manager')).send(body);
    const byEmail = await post({ email: EMAIL.toUpperCase(), name: 'Someone' }).expect(409);
    expect(byEmail.body).toMatchObject({
      code: 'ERASED_PERSON',
      details: [expect.objectContaining({ field: 'email' })],
    });
    const byExternalId = await post({ externalId: EXTERNAL_ID }).expect(409);
    expect(byExternalId.body.code).toBe('ERASED_PERSON');
    const other = await createMember(test);
    const byHandle = await test
      .http()
      .post(`/api/v1/members/${other.id}/identities`)
      .set('Authorization', as('manager'))
      .send({ platform: 'Instagram', handle: `@${HANDLE.toUpperCase()}` })
      .expect(409);
    expect(byHandle.body.code).toBe('ERASED_PERSON');
  });

  it('refuses the erased person in an import, with the line, and imports the others', async () => {
    const csv = [
      'externalId,email,name',
      'crm-fresh-1,fresh.one@example.com,Fresh One',
      `crm-another,${EMAIL},Zelda Again`,
      `${EXTERNAL_ID},,Zelda By Id`,
    ].join('\n');
    const { body } = await uploadImport(test, 'members', 'text/csv', csv).expect(200);
    expect(body).toMatchObject({ rows: 3, created: 1, refused: 2 });
    expect(body.errors).toEqual([
      expect.objectContaining({
        line: 3,
        details: [expect.objectContaining({ field: 'email', code: 'ERASED_PERSON' })],
      }),
      expect.objectContaining({
        line: 4,
        details: [expect.objectContaining({ field: 'externalId', code: 'ERASED_PERSON' })],
      }),
    ]);
  });

  it('deletes one identity on its own', async () => {
    const member = await createMember(test);
    const identity = await addIdentity(test, member.id, 'tiktok', 'solo_handle');
    const path = `/api/v1/members/${member.id}/identities/${identity.id}`;
    await test.http().delete(path).set('Authorization', as('viewer')).expect(403);
    await test.http().delete(path).set('Authorization', as('manager')).expect(204);
    const list = await test
      .http()
      .get(`/api/v1/members/${member.id}/identities`)
      .set('Authorization', as('viewer'))
      .expect(200);
    expect(list.body.items).toEqual([]);
    const again = await test.http().delete(path).set('Authorization', as('manager')).expect(404);
    expect(again.body.code).toBe('IDENTITY_NOT_FOUND');
  });
});
