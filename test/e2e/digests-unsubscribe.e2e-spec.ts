import { DigestRunnerService } from '../../src/digests/delivery/digest-runner.service';
import { SendTimes } from '../../src/digests/schedule/digest-periods';
import { createMember, createMention } from '../support/factories';
import { SmtpTestServer } from '../support/smtp-test-server';
import { TestApp, createTestApp } from '../support/test-app';

const MINUTE = 60_000;
const daily = { cadence: 'daily' as const, timezone: 'UTC', sendAt: '08:00' };

/** List-Unsubscribe (RFC 2369) with one-click (RFC 8058): a signed link per recipient. */
describe('digest unsubscribe links', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    test = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      DIGEST_SCHEDULER: 'false',
      PUBLIC_BASE_URL: 'https://halo.example.com',
    });
    const member = await createMember(test);
    await createMention(test, { memberId: member.id, postedAt: new Date().toISOString() });
  });
  afterAll(async () => {
    await test.close();
    await smtp.stop();
  });

  const subscription = async (id: string) =>
    (
      await test
        .http()
        .get(`/api/v1/digests/subscriptions/${id}`)
        .set('Authorization', test.keys.admin)
        .expect(200)
    ).body;

  /** Sends a subscription's first period and answers each recipient's unsubscribe path. */
  async function sendAndReadLinks(recipients: string[], language = 'en') {
    const created = await test
      .http()
      .post('/api/v1/digests/subscriptions')
      .set('Authorization', test.keys.admin)
      .send({ ...daily, whenEmpty: 'note', recipients, language, name: 'Weekly team' })
      .expect(201);
    smtp.clear();
    await test.app
      .get(DigestRunnerService)
      .tick(new SendTimes(daily).next(Date.now() + MINUTE) + MINUTE);
    const links = new Map<string, string>();
    for (const recipient of recipients) {
      // Long header lines are folded: unfold them before reading.
      const raw = smtp.to(recipient)[0].raw.replace(/\r?\n[ \t]+/g, ' ');
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      const link = /^List-Unsubscribe: <([^>]+)>/m.exec(raw)?.[1]?.replace(/ /g, '');
      expect(link).toMatch(/^https:\/\/halo\.example\.com\/api\/v1\/digests\/unsubscribe\/\S+$/);
      // No address in clear in the link: neither as text, URL-encoded, nor merely base64url-encoded.
      // (Not the local part alone: a 3-letter name such as "ada" occurs by chance in a random token.)
      for (const form of [
        recipient,
        encodeURIComponent(recipient),
        Buffer.from(recipient).toString('base64url'),
      ]) {
        expect(link).not.toContain(form);
      }
      links.set(recipient, new URL(link!).pathname);
    }
    return { id: created.body.id as string, links };
  }

  it('takes one recipient off with a one-click POST, keeps the others, and is idempotent', async () => {
    const { id, links } = await sendAndReadLinks(['ada@example.com', 'bob@example.com']);
    const path = links.get('ada@example.com')!;
    // Opening the link changes nothing: it shows a page whose button posts.
    const page = await test.http().get(path).expect(200);
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain('Weekly team');
    expect((await subscription(id)).recipients).toEqual(['ada@example.com', 'bob@example.com']);

    const done = await test
      .http()
      .post(path)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('will no longer receive');
    expect(await subscription(id)).toMatchObject({ recipients: ['bob@example.com'], active: true });
    const again = await test.http().post(path).expect(200);
    expect(again.text).toContain('already removed');
  });

  it('deactivates the subscription when its last recipient leaves; pages in its language', async () => {
    const { id, links } = await sendAndReadLinks(['solo@example.com'], 'it');
    const done = await test.http().post(links.get('solo@example.com')!).expect(200);
    expect(done.text).toContain('non riceverà più');
    expect(await subscription(id)).toMatchObject({ recipients: [], active: false });
  });

  it('refuses an altered or foreign link with 404, changing nothing', async () => {
    const { id, links } = await sendAndReadLinks(['carol@example.com', 'dan@example.com']);
    const path = links.get('carol@example.com')!;
    const [subscriptionId, digest, mac] = path.split('/').pop()!.split('.');
    const otherDigest = links.get('dan@example.com')!.split('/').pop()!.split('.')[1];
    for (const token of [
      `${subscriptionId}.${otherDigest}.${mac}`,
      `${subscriptionId}.${digest}.${mac.slice(0, -2)}AA`,
      'not-a-token',
    ]) {
      const refused = await test.http().post(`/api/v1/digests/unsubscribe/${token}`).expect(404);
      expect(refused.body).toMatchObject({ code: 'UNSUBSCRIBE_LINK_NOT_FOUND' });
    }
    expect((await subscription(id)).recipients).toEqual(['carol@example.com', 'dan@example.com']);
  });
});
