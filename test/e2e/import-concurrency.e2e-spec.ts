import { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * imports.maxConcurrent: an import streamed slowly holds its slot; a second one while it runs
 * answers 429 at once with Retry-After and the house error shape; once the first is done, the
 * next import runs.
 */
describe('imports.maxConcurrent (IMPORTS_MAX_CONCURRENT)', () => {
  let test: TestApp;
  let port: number;

  beforeAll(async () => {
    test = await createTestApp({ IMPORTS_MAX_CONCURRENT: '1' });
    await test.app.listen(0, '127.0.0.1');
    port = (test.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => test?.close());

  const line = (n: number) =>
    JSON.stringify({ externalId: `slot-${n}`, email: `slot-${n}@example.com` }) + '\n';

  it('answers 429 with Retry-After to an import beyond the limit, and runs the next one after', async () => {
    // The first import: chunked, one row sent, the rest held back until the second has answered.
    let answered!: (value: { status: number; body: string }) => void;
    const first = new Promise<{ status: number; body: string }>((resolve) => (answered = resolve));
    const slow = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/v1/import/members',
        headers: {
          Authorization: test.keys.manager,
          'Content-Type': 'application/x-ndjson',
          'Transfer-Encoding': 'chunked',
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => answered({ status: response.statusCode ?? 0, body }));
      },
    );
    slow.write(line(1));
    // The handler takes the slot as soon as the headers arrive (rows are stored per batch, so
    // nothing observable happens before the end): give it ample time on a busy machine.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const refused = await test
      .http()
      .post('/api/v1/import/members')
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'application/x-ndjson')
      .send(line(2));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(refused.body.message).toContain('imports.maxConcurrent');

    slow.end(line(3));
    const done = await first;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ rows: 2, created: 2, refused: 0 });

    const next = await test
      .http()
      .post('/api/v1/import/members')
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'application/x-ndjson')
      .send(line(2));
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ rows: 1, created: 1 });
  });

  it('refuses a recompute as of a moment after now', async () => {
    const soon = new Date(Date.now() + 60 * 60_000).toISOString();
    const response = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: soon })
      .expect(400);
    expect(response.body.details).toEqual([
      { field: 'asOf', reason: 'must not lie after now', code: 'future' },
    ]);
  });
});
