import { ParsedMail } from 'mailparser';
import { digestPreviewCommand } from '../../src/digests/digest-preview.command';
import { digestSendCommand } from '../../src/digests/digest-send.command';
import { createMember, createMention, createPurchase, buildReview } from '../support/factories';
import { SmtpTestServer, parseMail } from '../support/smtp-test-server';
import { TestApp, createTestApp } from '../support/test-app';

/** Weekly on Monday 08:00 in Rome: the period last completed at AT is 2–9 November 2026. */
const AT = '2026-11-09T12:00:00Z';
const PERIOD = { start: '2026-11-02T07:00:00.000Z', end: '2026-11-09T07:00:00.000Z' };
const BASE_URL = 'https://halo.example.com';
const XSS = '<img src=x onerror=alert(1)>';

/** referral + influence + knowledge of GET /members/:id/value, as a decimal string. */
function advocacyOf(value: { components: Record<string, { value: string }> }): string {
  const { referral, influence, knowledge } = value.components;
  return (Number(referral.value) + Number(influence.value) + Number(knowledge.value)).toFixed(2);
}

describe('digest content and sending', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let smtp: SmtpTestServer;
  const people: Record<string, Record<string, any>> = {};

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    test = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Halo <digests@halo.example.com>',
      PUBLIC_BASE_URL: BASE_URL,
      DIGEST_SCHEDULER: 'false',
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    people.ada = await createMember(test, { name: 'Ada <Lovelace>', tags: ['vip'] });
    people.bob = await createMember(test, { name: 'Bob Builder' });
    people.carol = await createMember(test, { name: 'Carol Private', profilingObjection: true });
    people.dan = await createMember(test, { name: 'Dan Quiet' });
    const order = (who: string, occurredAt: string, amount: string) =>
      createPurchase(test, { memberId: people[who].id, occurredAt, amount });
    await order('dan', '2026-10-01T10:00:00Z', '20.00');
    await order('ada', '2026-10-28T10:00:00Z', '100.00');
    await order('ada', '2026-11-03T10:00:00Z', '150.00');
    await order('bob', '2026-11-04T10:00:00Z', '40.00');
    await order('carol', '2026-11-04T11:00:00Z', '900.00');
    const review = await test
      .http()
      .post('/api/v1/reviews')
      .set('Authorization', test.keys.manager)
      .send(
        buildReview({
          memberId: people.ada.id,
          title: 'Love it & <b>more</b>',
          body: XSS,
          publishedAt: '2026-11-05T09:00:00Z',
          views: 500,
        }),
      );
    expect(review.status).toBe(201);
    await createMention(test, { memberId: people.ada.id, postedAt: '2026-10-30T09:00:00Z' });
    await createMention(test, {
      memberId: people.ada.id,
      postedAt: '2026-11-06T09:00:00Z',
      reach: 5000,
      url: 'https://instagram.com/p/ada-big',
    });
    await createMention(test, {
      handle: '@stranger',
      postedAt: '2026-11-07T09:00:00Z',
      reach: 100,
    });
    await createMention(test, {
      memberId: people.carol.id,
      postedAt: '2026-11-06T10:00:00Z',
      reach: 7000,
      url: 'https://instagram.com/p/carol-secret',
    });
    for (const asOf of ['2026-11-01T12:00:00Z', '2026-11-08T12:00:00Z']) {
      const run = await test
        .http()
        .post('/api/v1/value/recompute')
        .set('Authorization', test.keys.manager)
        .send({ asOf });
      expect(run.body.status).toBe('succeeded');
    }
  });
  afterAll(async () => {
    await test.close();
    await smtp.stop();
  });
  beforeEach(() => smtp.clear());

  const subscribe = async (overrides: Record<string, unknown> = {}) => {
    const response = await test
      .http()
      .post('/api/v1/digests/subscriptions')
      .set('Authorization', test.keys.admin)
      .send({
        recipients: ['team@example.com', 'boss@example.com'],
        cadence: 'weekly',
        weekday: 'monday',
        timezone: 'Europe/Rome',
        sendAt: '08:00',
        ...overrides,
      });
    expect(response.status).toBe(201);
    return response.body as Record<string, any>;
  };
  const send = (id: string, body: Record<string, unknown> = { at: AT }) =>
    test
      .http()
      .post(`/api/v1/digests/subscriptions/${id}/send`)
      .set('Authorization', test.keys.admin)
      .send(body);
  const euros = (locale: string, amount: string | number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(Number(amount));
  const measure = (html: string, key: string) =>
    new RegExp(`data-measure="${key}">([^<]*)<`).exec(html)?.[1];

  it('sends one mail per recipient with the period, both parts and the numbers of the API', async () => {
    const subscription = await subscribe({ name: 'Team & friends' });
    const response = await send(subscription.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
      status: 'completed',
      forced: false,
    });
    expect(
      response.body.deliveries.map((delivery: any) => [delivery.recipient, delivery.status]),
    ).toEqual([
      ['boss@example.com', 'sent'],
      ['team@example.com', 'sent'],
    ]);

    expect(smtp.mails.map((mail) => mail.to)).toEqual([['boss@example.com'], ['team@example.com']]);
    const mail = await parseMail(smtp.to('team@example.com')[0]);
    expect(mail.from?.value[0]).toMatchObject({
      name: 'Halo',
      address: 'digests@halo.example.com',
    });
    expect(mail.subject).toBe('Halo · Weekly digest (Team & friends): 2 Nov 2026 – 9 Nov 2026');
    expect(mail.messageId).toBe(
      response.body.deliveries.find((delivery: any) => delivery.recipient === 'team@example.com')
        .messageId,
    );
    const html = String(mail.html);
    const text = String(mail.text);
    expect(html).toContain('<table');
    expect(html).not.toMatch(/<script|<img/i);
    expect(text).toContain('Weekly digest');

    // Mentions and reach against the mentions API for the same period.
    const mentions = await test
      .http()
      .get('/api/v1/mentions')
      .query({ from: PERIOD.start, to: PERIOD.end, limit: 200 })
      .set('Authorization', test.keys.viewer);
    expect(mentions.body.total).toBe(3);
    const reach = mentions.body.items.reduce((sum: number, item: any) => sum + item.reach, 0);
    expect(measure(html, 'mentions')).toBe(String(mentions.body.total));
    expect(measure(html, 'reach')).toBe(new Intl.NumberFormat('en-GB').format(reach));
    expect(text).toContain(`Mentions: 3 (previous 1, +2 (+200%))`);
    // Orders and new customers against the purchases API.
    const purchases = await test
      .http()
      .get('/api/v1/purchases')
      .query({ limit: 200 })
      .set('Authorization', test.keys.viewer);
    const inPeriod = purchases.body.items.filter(
      (item: any) => item.occurredAt >= PERIOD.start && item.occurredAt < PERIOD.end,
    );
    expect(measure(html, 'orders')).toBe(String(inPeriod.length));
    expect(measure(html, 'newCustomers')).toBe('2'); // Bob and Carol bought for the first time
    // Every community figure is the community metrics' for the same window and the week before.
    const metrics = await test
      .http()
      .get('/api/v1/metrics/community')
      .query({ from: PERIOD.start, to: PERIOD.end, interval: 'week' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    const { values, previous } = metrics.body.total;
    const count = (value: number) => new Intl.NumberFormat('en-GB').format(value);
    const expected: Record<string, string> = {
      mentions: count(values.reach.mentions),
      reach: count(values.reach.totalReach),
      people: count(values.reach.uniquePeople),
      newCustomers: count(values.acquisition.newCustomers),
      communityCustomers: count(values.acquisition.community),
      referralCustomers: count(values.acquisition.viaReferral),
      guestCustomers: count(values.acquisition.viaEventGuest),
      contentCustomers: count(values.acquisition.viaContent),
      activeMembers: count(values.activity.activeMembers),
      reviews: count(values.activity.interactions.review),
      feedback: count(values.activity.interactions.feedback_submitted),
      orders: count(values.purchases.orders),
      buyers: count(values.purchases.customers),
    };
    for (const [key, shown] of Object.entries(expected))
      expect([key, measure(html, key)]).toEqual([key, shown]);
    expect(values.activity.activeMembers).toBeGreaterThan(0);
    expect(text).toContain(
      `Active members: ${values.activity.activeMembers} (previous ${previous.activity.activeMembers},`,
    );

    // Top advocates against each member's value; the objector is left out.
    const value = await test
      .http()
      .get(`/api/v1/members/${people.ada.id}/value`)
      .set('Authorization', test.keys.viewer);
    expect(value.body.asOf.slice(0, 10)).toBe('2026-11-08');
    expect(html).toContain('Values as of: 2026-11-08');
    // Top advocates show the advocacy value: referral + influence + knowledge.
    const advocacy = advocacyOf(value.body);
    expect(html).toContain(euros('en-GB', advocacy));
    expect(text).toContain(`Ada <Lovelace>: Advocacy value ${euros('en-GB', advocacy)}`);
    expect(html).toContain(`${BASE_URL}/#/members/${people.ada.id}`);
    for (const part of [html, text]) {
      expect(part).not.toContain('Carol Private');
      expect(part).not.toContain('carol-secret');
    }
  });

  it('escapes everything users wrote in the HTML part', async () => {
    const subscription = await subscribe({ sections: ['notableContent', 'topAdvocates'] });
    await send(subscription.id);
    const mail = await parseMail(smtp.to('team@example.com')[0]);
    const html = String(mail.html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(XSS);
    expect(html).toContain('Love it &amp; &lt;b&gt;more&lt;/b&gt;');
    expect(html).toContain('Ada &lt;Lovelace&gt;');
    expect(html).toContain('@stranger'); // a mention whose handle has no member yet
    // The plain-text part carries the text as written.
    expect(String(mail.text)).toContain(XSS);
  });

  it('writes Italian and English versions', async () => {
    const italian = await subscribe({ language: 'it', recipients: ['it@example.com'] });
    const english = await subscribe({ language: 'en', recipients: ['en@example.com'] });
    await send(italian.id);
    await send(english.id);
    const it = await parseMail(smtp.to('it@example.com')[0]);
    const en = await parseMail(smtp.to('en@example.com')[0]);
    expect(it.subject).toBe('Halo · Riepilogo settimanale: 2 nov 2026 – 9 nov 2026');
    expect(en.subject).toBe('Halo · Weekly digest: 2 Nov 2026 – 9 Nov 2026');
    expect(String(it.html)).toContain('Migliori sostenitori');
    expect(String(it.text)).toContain('Menzioni: 3 (precedente 1, +2 (+200%))');
    expect(String(it.html)).toContain('lang="it"');
    expect(String(en.html)).toContain('Top advocates');
    const value = await test
      .http()
      .get(`/api/v1/members/${people.ada.id}/value`)
      .set('Authorization', test.keys.viewer);
    expect(String(it.html)).toContain(euros('it-IT', advocacyOf(value.body)));
    expect(String(it.html)).toContain('Valore di advocacy');
  });

  it('narrows to a tag', async () => {
    const subscription = await subscribe({
      filters: { tag: 'vip' },
      recipients: ['vip@example.com'],
      sections: ['community', 'topAdvocates'],
    });
    await send(subscription.id);
    const html = String((await parseMail(smtp.to('vip@example.com')[0])).html);
    expect(measure(html, 'mentions')).toBe('1'); // only Ada's mention in the period
    expect(html).toContain('Only: #vip');
    expect(html).not.toContain('Bob Builder');
  });

  it('sends a period once unless forced, and lists the deliveries', async () => {
    const subscription = await subscribe({ recipients: ['once@example.com'] });
    expect((await send(subscription.id)).status).toBe(200);
    const again = await send(subscription.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'DIGEST_ALREADY_SENT',
      details: [{ field: 'force' }],
    });
    const forced = await send(subscription.id, { at: AT, force: true });
    expect(forced.status).toBe(200);
    expect(forced.body.forced).toBe(true);
    const copies = await Promise.all(smtp.to('once@example.com').map(parseMail));
    expect(copies).toHaveLength(2);
    expect(copies[0].messageId).not.toBe(copies[1].messageId);

    const list = await test
      .http()
      .get('/api/v1/digests/deliveries')
      .query({ subscriptionId: subscription.id, limit: 1 })
      .set('Authorization', test.keys.admin);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({
      recipient: 'once@example.com',
      status: 'sent',
      attempts: 1,
      periodStart: PERIOD.start,
      periodEnd: PERIOD.end,
    });
    expect(list.body.items[0].lastResponse).toMatch(/^250/);
    const next = await test
      .http()
      .get('/api/v1/digests/deliveries')
      .query({ subscriptionId: subscription.id, limit: 1, cursor: list.body.nextCursor })
      .set('Authorization', test.keys.admin);
    expect(next.body.items[0].id).not.toBe(list.body.items[0].id);
    const bad = await test
      .http()
      .get('/api/v1/digests/deliveries')
      .query({ status: 'lost' })
      .set('Authorization', test.keys.admin);
    expect(bad.status).toBe(400);
  });

  it('previews HTML and text without sending or claiming', async () => {
    const subscription = await subscribe({ recipients: ['preview@example.com'] });
    const html = await test
      .http()
      .get(`/api/v1/digests/subscriptions/${subscription.id}/preview`)
      .query({ at: AT })
      .set('Authorization', test.keys.admin);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.headers['x-digest-period-start']).toBe(PERIOD.start);
    expect(html.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(measure(html.text, 'mentions')).toBe('3');
    const text = await test
      .http()
      .get(`/api/v1/digests/subscriptions/${subscription.id}/preview`)
      .query({ at: AT, format: 'text' })
      .set('Authorization', test.keys.admin);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toContain('Mentions: 3');
    expect(smtp.mails).toHaveLength(0);
    // Previewing did not use up the period.
    expect((await send(subscription.id)).status).toBe(200);
  });

  it('skips a period with nothing to report, or sends a one-line note', async () => {
    const quiet = '2026-06-10T12:00:00Z';
    const skip = await subscribe({
      cadence: 'daily',
      weekday: undefined,
      recipients: ['s@example.com'],
    });
    const skipped = await send(skip.id, { at: quiet });
    expect(skipped.body.status).toBe('skipped');
    expect(skipped.body.deliveries[0].status).toBe('skipped');
    const note = await subscribe({
      cadence: 'daily',
      weekday: undefined,
      whenEmpty: 'note',
      recipients: ['n@example.com'],
    });
    expect((await send(note.id, { at: quiet })).body.status).toBe('completed');
    expect(smtp.to('s@example.com')).toHaveLength(0);
    const mail: ParsedMail = await parseMail(smtp.to('n@example.com')[0]);
    expect(String(mail.text)).toContain('Nothing to report for this period.');
    expect(String(mail.text)).not.toContain('Top advocates');
  });

  it('previews and sends from the command line', async () => {
    const subscription = await subscribe({ recipients: ['cli@example.com'] });
    let stdout = '';
    let stderr = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await digestPreviewCommand(test.app, subscription.id, { at: AT })).toBe(0);
      expect(stdout).toContain('Mentions: 3');
      expect(stderr).toContain(`period ${PERIOD.start} – ${PERIOD.end}`);
      expect(smtp.mails).toHaveLength(0);
      stdout = '';
      expect(await digestSendCommand(test.app, subscription.id, { at: AT })).toBe(0);
      expect(stdout).toContain('cli@example.com: sent');
      expect(await digestSendCommand(test.app, subscription.id, { at: AT })).toBe(1);
      expect(stderr).toContain('send with force');
      expect(await digestSendCommand(test.app, 'nope', {})).toBe(64);
    } finally {
      jest.restoreAllMocks();
    }
    expect(smtp.to('cli@example.com')).toHaveLength(1);
  });
});
