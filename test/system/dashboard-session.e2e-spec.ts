import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DASHBOARD_ROOT } from '../../src/dashboard/dashboard-assets';
import { TestApp, createTestApp } from '../support/test-app';

const secretOf = (header: string) => header.replace(/^Bearer /, '');

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('dashboard: static files and the sign-in session', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  it('serves the dashboard at / without a key, with a strict CSP and revalidation', async () => {
    const page = await test.http().get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers.etag).toBeDefined();
    await test.http().get('/').set('If-None-Match', page.headers.etag).expect(304);
    const script = await test.http().get('/js/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    await test
      .http()
      .get('/css/base.css')
      .expect('content-type', /text\/css/)
      .expect(200);
  });

  it('has no inline script, no inline handler, no external asset and no HTML parsing of data', () => {
    const html = readFileSync(join(DASHBOARD_ROOT, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/[^/]/);
    expect(html).not.toMatch(/<script\b[^>]*>(?!<\/script>)/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    for (const file of files(DASHBOARD_ROOT)) {
      const text = readFileSync(file, 'utf8');
      expect({
        file,
        external: /(src|href)="https?:|url\(\s*['"]?https?:|import[^;]*['"]https?:/.test(text),
      }).toEqual({ file, external: false });
      if (file.endsWith('.js')) {
        expect({
          file,
          html: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/.test(
            text,
          ),
        }).toEqual({ file, html: false });
      }
    }
  });

  it('preloads every module, so that the browser fetches them at once, and only modules that exist', async () => {
    const html = readFileSync(join(DASHBOARD_ROOT, 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)"/g)].map(
      (match) => match[1],
    );
    const modules = files(join(DASHBOARD_ROOT, 'js'))
      .map((file) => file.slice(DASHBOARD_ROOT.length + 1).replaceAll('\\', '/'))
      .filter((module) => module !== 'js/app.js');
    expect([...preloaded].sort()).toEqual([...modules].sort());
    for (const module of preloaded.slice(0, 3)) await test.http().get(`/${module}`).expect(200);
  });

  it('leaves API paths to the API: unknown routes stay JSON errors, keys still required', async () => {
    const missing = await test
      .http()
      .get('/api/v1/nothing-here')
      .set('Authorization', test.keys.viewer)
      .expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, requestId: expect.any(String) });
    await test.http().get('/api/v1/members').expect(401);
    await test.http().get('/index.html/../../package.json').expect(404);
    await test.http().get('/.env').expect(404);
  });

  it('signs in with a key into an httpOnly SameSite=Strict session cookie that the API accepts', async () => {
    const agent = request.agent(test.app.getHttpServer());
    const signIn = await agent
      .post('/api/v1/session')
      .send({ key: secretOf(test.keys.viewer) })
      .expect(201);
    expect(signIn.body).toEqual({
      role: 'viewer',
      name: 'viewer',
      prefix: expect.stringMatching(/^halo_/),
      canWrite: false,
      baseCurrency: 'EUR',
      timezone: 'UTC',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = signIn.headers['set-cookie'][0] as string;
    // The cookie holds a session id, never the key.
    expect(cookie).toMatch(/^halo_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).not.toContain(secretOf(test.keys.viewer));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(signIn.headers['cache-control']).toBe('no-store');
    expect(JSON.stringify(signIn.body)).not.toContain(secretOf(test.keys.viewer));

    const session = await agent.get('/api/v1/session').expect(200);
    expect(session.body).toMatchObject({ role: 'viewer', csrfToken: signIn.body.csrfToken });
    await agent.get('/api/v1/members').expect(200);
    // The cookie carries the viewer's role, not more.
    const write = await agent
      .post('/api/v1/members')
      .set('Host', 'halo.test')
      .set('Origin', 'http://halo.test')
      .set('X-CSRF-Token', signIn.body.csrfToken)
      .send({ name: 'Nobody' })
      .expect(403);
    expect(write.body.code).toBe('ROLE_INSUFFICIENT');

    const signOut = await agent.delete('/api/v1/session').expect(204);
    expect(signOut.headers['set-cookie'][0]).toMatch(/^halo_session=;.*Expires=Thu, 01 Jan 1970/);
    await agent.get('/api/v1/session').expect(401);
    await agent.get('/api/v1/members').expect(401);
  });

  it('tells managers they may write', async () => {
    const signIn = await test
      .http()
      .post('/api/v1/session')
      .send({ key: secretOf(test.keys.manager) })
      .expect(201);
    expect(signIn.body).toMatchObject({ role: 'manager', canWrite: true });
  });

  it('refuses unknown and revoked keys and malformed bodies, without setting a cookie', async () => {
    const unknown = await test
      .http()
      .post('/api/v1/session')
      .send({ key: 'halo_thisKeyDoesNotExist0123456789' })
      .expect(401);
    expect(unknown.body).toMatchObject({ code: 'API_KEY_INVALID', details: [{ field: 'key' }] });
    expect(unknown.headers['set-cookie']).toBeUndefined();
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
    await test.http().post('/api/v1/session').send({ key: created.body.secret }).expect(401);
    const empty = await test.http().post('/api/v1/session').send({ key: '' }).expect(400);
    expect(empty.body.details[0].field).toBe('key');
    await test
      .http()
      .post('/api/v1/session')
      .send({ key: 'x'.repeat(20), role: 'admin' })
      .expect(400);
    await test.http().get('/api/v1/session').expect(401);
  });
});
