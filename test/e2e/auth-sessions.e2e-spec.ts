import { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DashboardSession } from '../../src/auth/dashboard-session.entity';
import { boundUrl } from '../../src/server';
import { createMember, createReferral } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

const secretOf = (header: string) => header.replace(/^Bearer /, '');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** The session token in a Set-Cookie answer. */
const tokenOf = (setCookie: string[]) => /^halo_session=([^;]*)/.exec(setCookie[0])![1];

/** Signs an agent in with `secret`: the agent keeps the cookie; the CSRF token is returned. */
async function signIn(test: TestApp, secret: string) {
  const agent = request.agent(test.app.getHttpServer());
  const response = await agent.post('/api/v1/session').send({ key: secret }).expect(201);
  return {
    agent,
    csrfToken: response.body.csrfToken as string,
    token: tokenOf(response.headers['set-cookie'] as unknown as string[]),
  };
}

async function createKey(test: TestApp, role: string) {
  const response = await test
    .http()
    .post('/api/v1/api-keys')
    .set('Authorization', test.keys.admin)
    .send({ name: `${role} ${Math.random()}`, role })
    .expect(201);
  return response.body as { id: string; secret: string };
}

describe('dashboard sessions, CSRF and docs behind a key', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());
  const sessions = () => test.app.get(DataSource).getRepository(DashboardSession);
  const sessionRow = async (token: string) =>
    sessions().findOneByOrFail({ tokenHash: sha256(token) });

  describe('the session cookie', () => {
    it('holds a session id whose SHA-256 is stored, never the key; expires 12 hours after sign-in', async () => {
      const { agent, token } = await signIn(test, secretOf(test.keys.viewer));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(token).not.toContain(secretOf(test.keys.viewer));
      const row = await sessionRow(token);
      expect(row.revokedAt).toBeNull();
      expect(row.expiresAt - row.createdAt).toBe(12 * 60 * 60 * 1000);
      await agent.get('/api/v1/members').expect(200);
      // The key itself in the cookie is not a session.
      const keyAsCookie = await test
        .http()
        .get('/api/v1/members')
        .set('Cookie', `halo_session=${secretOf(test.keys.viewer)}`)
        .expect(401);
      expect(keyAsCookie.body).toMatchObject({ statusCode: 401, code: 'SESSION_INVALID' });
    });

    it('sign-out revokes the row: the same cookie replayed is refused', async () => {
      const { agent, token } = await signIn(test, secretOf(test.keys.viewer));
      await agent.delete('/api/v1/session').expect(204);
      expect((await sessionRow(token)).revokedAt).not.toBeNull();
      const replayed = await test
        .http()
        .get('/api/v1/members')
        .set('Cookie', `halo_session=${token}`)
        .expect(401);
      expect(replayed.body.code).toBe('SESSION_INVALID');
    });

    it('an expired session is refused', async () => {
      const { agent, token } = await signIn(test, secretOf(test.keys.viewer));
      await sessions().update({ tokenHash: sha256(token) }, { expiresAt: Date.now() - 1 });
      const expired = await agent.get('/api/v1/session').expect(401);
      expect(expired.body.code).toBe('SESSION_INVALID');
      // The next sign-in clears ended sessions from the table.
      await signIn(test, secretOf(test.keys.viewer));
      expect(await sessions().findOneBy({ tokenHash: sha256(token) })).toBeNull();
    });

    it('revoking the API key ends its sessions', async () => {
      const key = await createKey(test, 'viewer');
      const { agent, token } = await signIn(test, key.secret);
      await agent.get('/api/v1/members').expect(200);
      await test
        .http()
        .delete(`/api/v1/api-keys/${key.id}`)
        .set('Authorization', test.keys.admin)
        .expect(200);
      expect((await sessionRow(token)).revokedAt).not.toBeNull();
      await agent.get('/api/v1/members').expect(401);
    });
  });

  describe('CSRF on writes with the cookie', () => {
    let manager: Awaited<ReturnType<typeof signIn>>;
    let referralId: string;
    beforeAll(async () => {
      manager = await signIn(test, secretOf(test.keys.manager));
      const ada = await createMember(test);
      referralId = (
        await createReferral(test, { referrerId: ada.id, refereeEmail: 'csrf@yopmail.com' })
      ).id as string;
    });
    const status = async () =>
      (
        await test
          .http()
          .get(`/api/v1/referrals/${referralId}`)
          .set('Authorization', test.keys.viewer)
          .expect(200)
      ).body.status as string;

    it('refuses a body-less text/plain reject from another origin, even with the token', async () => {
      const before = await status();
      for (const csrf of [undefined, manager.csrfToken]) {
        const attempt = manager.agent
          .post(`/api/v1/referrals/${referralId}/reject`)
          .set('Content-Type', 'text/plain')
          .set('Origin', 'http://evil.example');
        if (csrf) attempt.set('X-CSRF-Token', csrf);
        const response = await attempt.expect(403);
        expect(response.body).toMatchObject({
          statusCode: 403,
          error: 'Forbidden',
          code: 'CSRF_ORIGIN_MISMATCH',
          requestId: expect.any(String),
          details: [expect.objectContaining({ field: 'Origin' })],
        });
      }
      expect(await status()).toBe(before);
    });

    it('refuses a write with neither Origin nor Sec-Fetch-Site, or a cross-site Sec-Fetch-Site', async () => {
      await manager.agent
        .post(`/api/v1/referrals/${referralId}/reject`)
        .set('X-CSRF-Token', manager.csrfToken)
        .expect(403);
      const crossSite = await manager.agent
        .post(`/api/v1/referrals/${referralId}/reject`)
        .set('Sec-Fetch-Site', 'cross-site')
        .set('X-CSRF-Token', manager.csrfToken)
        .expect(403);
      expect(crossSite.body.code).toBe('CSRF_ORIGIN_MISMATCH');
    });

    it('refuses a same-origin write without the session token or with another one', async () => {
      const missing = await manager.agent
        .post(`/api/v1/referrals/${referralId}/reject`)
        .set('Host', 'halo.test')
        .set('Origin', 'http://halo.test')
        .expect(403);
      expect(missing.body).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
      const other = await signIn(test, secretOf(test.keys.manager));
      const wrong = await manager.agent
        .post(`/api/v1/referrals/${referralId}/reject`)
        .set('Sec-Fetch-Site', 'same-origin')
        .set('X-CSRF-Token', other.csrfToken)
        .expect(403);
      expect(wrong.body.code).toBe('CSRF_TOKEN_INVALID');
      expect(await status()).not.toBe('rejected');
    });

    it('lets the dashboard write: same origin (or Sec-Fetch-Site same-origin) and its token', async () => {
      const viaSession = await manager.agent.get('/api/v1/session').expect(200);
      expect(viaSession.body.csrfToken).toBe(manager.csrfToken);
      await manager.agent
        .post(`/api/v1/referrals/${referralId}/reject`)
        .set('Host', 'halo.test')
        .set('Origin', 'http://halo.test')
        .set('X-CSRF-Token', manager.csrfToken)
        .expect(200);
      expect(await status()).toBe('rejected');
      const member = await manager.agent
        .post('/api/v1/members')
        .set('Sec-Fetch-Site', 'same-origin')
        .set('X-CSRF-Token', manager.csrfToken)
        .send({ externalId: 'csrf-ok', name: 'Same Origin' })
        .expect(201);
      expect(member.body.externalId).toBe('csrf-ok');
    });

    it('does not apply to the Authorization header, which another site cannot send', async () => {
      const session = await test
        .http()
        .get('/api/v1/session')
        .set('Authorization', test.keys.manager)
        .expect(200);
      expect(session.body.csrfToken).toBeNull();
      await test
        .http()
        .post('/api/v1/members')
        .set('Authorization', test.keys.manager)
        .set('Origin', 'http://evil.example')
        .send({ externalId: 'bearer-cross-origin', name: 'Bearer' })
        .expect(201);
    });
  });

  describe('security headers', () => {
    it('on every answer: API data, errors, /health and the dashboard', async () => {
      const answers = [
        await test.http().get('/api/v1/members').set('Authorization', test.keys.viewer),
        await test.http().get('/api/v1/members'),
        await test.http().get('/health'),
        await test.http().get('/'),
      ];
      for (const answer of answers) {
        expect(answer.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'content-security-policy': expect.stringContaining("default-src 'none'"),
        });
        expect(answer.headers['strict-transport-security']).toBeUndefined();
      }
      expect(answers[0].headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });
  });

  describe('/docs and /docs-json', () => {
    it('need a key of any role, by header or by session', async () => {
      const refused = await test.http().get('/docs-json').expect(401);
      expect(refused.body).toMatchObject({ statusCode: 401, code: 'API_KEY_MISSING' });
      await test.http().get('/docs').expect(401);
      const document = await test
        .http()
        .get('/docs-json')
        .set('Authorization', test.keys.viewer)
        .expect(200);
      expect(document.body.openapi).toMatch(/^3\./);
      const { agent } = await signIn(test, secretOf(test.keys.viewer));
      await agent.get('/docs-json').expect(200);
      const page = await agent.get('/docs').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    });
  });

  describe('failed authentications without TRUST_PROXY', () => {
    it('count the connection address, not X-Forwarded-For: the 11th in a minute is 429', async () => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await test
          .http()
          .get('/api/v1/members')
          .set('X-Forwarded-For', `198.51.100.${attempt}`)
          .set('Authorization', `Bearer halo_wrong${attempt}-0000000000000000`)
          .expect(401);
      }
      const limited = await test
        .http()
        .get('/api/v1/members')
        .set('X-Forwarded-For', '198.51.100.99')
        .set('Authorization', test.keys.viewer)
        .expect(429);
      expect(limited.body).toMatchObject({
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
        requestId: expect.any(String),
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    });
  });
});

describe('behind a trusted proxy, with public docs', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp({ TRUST_PROXY: 'true', DOCS_PUBLIC: 'true' })));
  afterAll(() => test.close());
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  it('serves /docs-json without a key when DOCS_PUBLIC=true', async () => {
    await test.http().get('/docs-json').expect(200);
  });

  it('sets a Secure cookie when the proxy says https', async () => {
    const response = await test
      .http()
      .post('/api/v1/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ key: secretOf(test.keys.viewer) })
      .expect(201);
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('limits each address to 10 failures a minute, sign-in included; other addresses go on', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await test
        .http()
        .get('/api/v1/members')
        .set(from('203.0.113.7'))
        .set('Authorization', `Bearer halo_a${attempt}bcdef-0000000000000000`)
        .expect(401);
      await test
        .http()
        .post('/api/v1/session')
        .set(from('203.0.113.7'))
        .send({ key: `halo_b${attempt}bcdef-0000000000000000` })
        .expect(401);
    }
    const signInLimited = await test
      .http()
      .post('/api/v1/session')
      .set(from('203.0.113.7'))
      .send({ key: secretOf(test.keys.viewer) })
      .expect(429);
    expect(signInLimited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(signInLimited.headers['retry-after']).toMatch(/^\d+$/);
    expect(signInLimited.headers['set-cookie']).toBeUndefined();
    await test
      .http()
      .get('/api/v1/members')
      .set(from('203.0.113.7'))
      .set('Authorization', test.keys.viewer)
      .expect(429);
    await test
      .http()
      .get('/api/v1/members')
      .set(from('203.0.113.8'))
      .set('Authorization', test.keys.viewer)
      .expect(200);
  });

  it('limits each key prefix to 10 failures a minute, whatever the address', async () => {
    const prefix = 'halo_Zq9xW2';
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await test
        .http()
        .get('/api/v1/members')
        .set(from(`192.0.2.${attempt + 1}`))
        .set('Authorization', `Bearer ${prefix}guess${attempt}-000000000000`)
        .expect(401);
    }
    const limited = await test
      .http()
      .get('/api/v1/members')
      .set(from('192.0.2.200'))
      .set('Authorization', `Bearer ${prefix}another-guess-0000000`)
      .expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    // The same address with another key is not limited.
    await test
      .http()
      .get('/api/v1/members')
      .set(from('192.0.2.200'))
      .set('Authorization', test.keys.viewer)
      .expect(200);
  });

  it('logs the address actually bound', async () => {
    const app = test.app as NestExpressApplication;
    await app.listen(0, '0.0.0.0');
    expect(boundUrl(app)).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
  });
});
