import { simpleParser } from 'mailparser';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, createTestApp } from '../support/test-app';

const weekly = (overrides: Record<string, unknown> = {}) => ({
  name: 'Community team',
  recipients: ['team@example.com'],
  cadence: 'weekly',
  weekday: 'monday',
  timezone: 'Europe/Rome',
  sendAt: '08:00',
  ...overrides,
});

describe('digest subscriptions', () => {
  let test: TestApp;
  let outbox: string;
  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'halo-outbox-'));
    test = await createTestApp({ DIGEST_SCHEDULER: 'false', DIGEST_OUTBOX_DIR: outbox });
  });
  afterAll(async () => {
    await test.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  const post = (body: Record<string, unknown>, key = test.keys.admin) =>
    test.http().post('/api/v1/digests/subscriptions').set('Authorization', key).send(body);

  it('creates a subscription with defaults and the next send', async () => {
    const response = await post(weekly({ recipients: ['team@example.com', 'TEAM@example.com'] }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Community team',
      recipients: ['team@example.com'],
      cadence: 'weekly',
      weekday: 'monday',
      dayOfMonth: null,
      cron: null,
      timezone: 'Europe/Rome',
      sendAt: '08:00',
      language: 'en',
      sections: [
        'community',
        'topAdvocates',
        'newAmbassadors',
        'rising',
        'hiddenGems',
        'atRisk',
        'notableContent',
      ],
      filters: { tag: null, platform: null },
      whenEmpty: 'skip',
      missed: 'catchUp',
      active: true,
    });
    const next = new Date(response.body.nextSendAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    // Monday 08:00 in Rome is 07:00 or 06:00 UTC.
    expect(next.getUTCDay()).toBe(1);
    expect([6, 7]).toContain(next.getUTCHours());
  });

  it.each([
    [{ recipients: ['not-an-email'] }, 'recipients'],
    [{ recipients: [] }, 'recipients'],
    [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    [{ cadence: 'cron', weekday: undefined, cron: '*/5 * * * *' }, 'cron'],
    [{ cadence: 'cron', weekday: undefined, cron: 'every monday' }, 'cron'],
    [{ sections: ['community', 'horoscope'] }, 'sections'],
    [{ sendAt: '25:00' }, 'sendAt'],
    [{ language: 'de' }, 'language'],
    [{ weekday: undefined }, 'weekday'],
    [{ cadence: 'daily' }, 'weekday'],
    [{ cadence: 'monthly', weekday: undefined }, 'dayOfMonth'],
    [{ cadence: 'monthly', weekday: undefined, dayOfMonth: 32 }, 'dayOfMonth'],
    [{ cadence: 'cron', weekday: undefined, cron: '0 8 * * 1', sendAt: '09:00' }, 'sendAt'],
    [{ filters: { tag: 'vip', colour: 'red' } }, 'filters.colour'],
    [{ whenEmpty: 'shrug' }, 'whenEmpty'],
    [{ missed: 'later' }, 'missed'],
    [{ timezone: undefined }, 'timezone'],
  ])('refuses %p naming %s', async (overrides, field) => {
    const response = await post(weekly(overrides));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
  });

  it('is for admins only', async () => {
    expect((await post(weekly(), test.keys.manager)).status).toBe(403);
    const list = await test
      .http()
      .get('/api/v1/digests/subscriptions')
      .set('Authorization', test.keys.viewer);
    expect(list.status).toBe(403);
    const deliveries = await test
      .http()
      .get('/api/v1/digests/deliveries')
      .set('Authorization', test.keys.manager);
    expect(deliveries.status).toBe(403);
  });

  it('accepts monthly, daily and cron cadences and canonical time zones', async () => {
    const monthly = await post(
      weekly({ cadence: 'monthly', weekday: undefined, dayOfMonth: 31, timezone: 'europe/rome' }),
    );
    expect(monthly.status).toBe(201);
    expect(monthly.body).toMatchObject({ dayOfMonth: 31, weekday: null, timezone: 'Europe/Rome' });
    const cron = await post(
      weekly({
        cadence: 'cron',
        weekday: undefined,
        sendAt: undefined,
        cron: '0 8 * * 1-5',
        timezone: 'America/New_York',
      }),
    );
    expect(cron.status).toBe(201);
    expect(cron.body.cron).toBe('0 8 * * 1-5');
  });

  it('updates fields, switches cadence, and reads, lists and deletes', async () => {
    const created = (await post(weekly({ recipients: ['patch@example.com'] }))).body;
    const patch = (body: Record<string, unknown>) =>
      test
        .http()
        .patch(`/api/v1/digests/subscriptions/${created.id}`)
        .set('Authorization', test.keys.admin)
        .send(body);
    const daily = await patch({ cadence: 'daily', language: 'it', filters: { tag: 'vip' } });
    expect(daily.status).toBe(200);
    expect(daily.body).toMatchObject({
      cadence: 'daily',
      weekday: null,
      language: 'it',
      filters: { tag: 'vip', platform: null },
    });
    expect((await patch({ cadence: 'monthly' })).body.details[0].field).toBe('dayOfMonth');
    expect((await patch({ timezone: 'Nowhere/Land' })).status).toBe(400);
    expect((await patch({ active: null })).status).toBe(400);
    expect((await patch({ active: false })).body.nextSendAt).toBeNull();

    const read = await test
      .http()
      .get(`/api/v1/digests/subscriptions/${created.id}`)
      .set('Authorization', test.keys.admin);
    expect(read.body).toMatchObject({ cadence: 'daily', active: false });

    const inactive = await test
      .http()
      .get('/api/v1/digests/subscriptions')
      .query({ active: 'false', recipient: 'PATCH@example.com' })
      .set('Authorization', test.keys.admin);
    expect(inactive.body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);

    const firstPage = await test
      .http()
      .get('/api/v1/digests/subscriptions')
      .query({ limit: 2 })
      .set('Authorization', test.keys.admin);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.total).toBeGreaterThanOrEqual(4);
    const secondPage = await test
      .http()
      .get('/api/v1/digests/subscriptions')
      .query({ limit: 2, cursor: firstPage.body.nextCursor })
      .set('Authorization', test.keys.admin);
    expect(secondPage.body.items[0].id).not.toBe(firstPage.body.items[1].id);

    const removed = await test
      .http()
      .delete(`/api/v1/digests/subscriptions/${created.id}`)
      .set('Authorization', test.keys.admin);
    expect(removed.status).toBe(200);
    const gone = await test
      .http()
      .get(`/api/v1/digests/subscriptions/${created.id}`)
      .set('Authorization', test.keys.admin);
    expect(gone.status).toBe(404);
  });

  it('writes .eml files to the outbox folder when no SMTP host is set', async () => {
    const subscription = (
      await post(weekly({ recipients: ['outbox@example.com'], whenEmpty: 'note' }))
    ).body;
    const send = (body: Record<string, unknown>) =>
      test
        .http()
        .post(`/api/v1/digests/subscriptions/${subscription.id}/send`)
        .set('Authorization', test.keys.admin)
        .send(body);
    const first = await send({});
    expect(first.status).toBe(200);
    expect(first.body.deliveries[0]).toMatchObject({
      status: 'sent',
      recipient: 'outbox@example.com',
    });
    expect((await send({ force: true })).status).toBe(200);
    const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(2);
    const mail = await simpleParser(readFileSync(join(outbox, files[0])));
    expect(mail.to).toMatchObject({ text: 'outbox@example.com' });
    expect(mail.subject).toMatch(/^Halo · Weekly digest \(Community team\): /);
    expect(mail.text).toContain('Nothing to report for this period.');
    expect(mail.html).toContain('Nothing to report for this period.');
  });
});
