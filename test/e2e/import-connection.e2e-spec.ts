import { Agent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { configFile } from '../support/settings-file';
import { TestApp, createTestApp } from '../support/test-app';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's port: the same port is the same connection. */
  localPort: number;
}

/** Polls `read` until `done` holds, up to `ms`; answers the last value read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each([
  ['on the main thread', { IMPORT_WORKER_MIN_BYTES: '1000000000' }],
  ['in a worker thread', { IMPORT_WORKER_MIN_BYTES: '0' }],
])('an import that fails or is abandoned, %s', (_where, environment: Record<string, string>) => {
  let test: TestApp;
  let port: number;
  beforeAll(async () => {
    test = await createTestApp({
      ...environment,
      // Batches of 500, whatever the default: the abandoned import below counts them.
      HALO_CONFIG_FILE: configFile({ imports: { batchSize: 500 } }),
      IMPORT_MAX_BYTES: '300000',
      IMPORTS_MAX_CONCURRENT: '1',
    });
    await test.app.listen(0, '127.0.0.1');
    port = (test.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => test?.close());

  /** One request on `agent`; a body given as pieces is sent chunked. */
  const send = (
    agent: Agent,
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string | Buffer | string[],
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        {
          agent,
          port,
          host: '127.0.0.1',
          method,
          path,
          headers: { Authorization: test.keys.manager, ...headers },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: text,
              localPort: request.socket?.localPort ?? 0,
            }),
          );
        },
      );
      request.on('error', reject);
      if (Array.isArray(body)) {
        for (const piece of body) request.write(piece);
        request.end();
      } else request.end(body);
    });

  const membersCsv = (prefix: string, rows: number) =>
    'externalId,name\n' +
    Array.from({ length: rows }, (_, index) => `${prefix}-${index},Member ${index}\n`).join('');

  it.each([
    ['a bad CSV header', 'text/csv', 'nonsense,columns\n' + 'x,y\n'.repeat(40_000), 400],
    ['an unknown content type', 'application/xml', '<a>' + 'x'.repeat(150_000) + '</a>', 415],
    ['an unknown charset', 'text/csv; charset=x-klingon', membersCsv('cs', 5_000), 415],
    ['a body declared too large', 'text/csv', membersCsv('big', 20_000), 413],
  ])(
    'leaves a keep-alive connection usable after %s: the next request on the same socket succeeds',
    async (_label, contentType, body, status) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const failed = await send(
          agent,
          'POST',
          '/api/v1/import/members',
          { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) },
          body,
        );
        expect(failed.status).toBe(status);
        expect(JSON.parse(failed.body)).toMatchObject({
          statusCode: status,
          code: expect.any(String),
        });
        const next = await send(agent, 'GET', '/api/v1/members?limit=1');
        expect(next.status).toBe(200);
        expect(JSON.parse(next.body)).toHaveProperty('items');
        // Drained rather than closed: the same connection answered both.
        expect(failed.headers.connection).not.toBe('close');
        expect(next.localPort).toBe(failed.localPort);
      } finally {
        agent.destroy();
      }
    },
  );

  it('closes cleanly (Connection: close) after a chunked body refused for its size mid-way, unless it was read whole', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const pieces = Array.from(
        { length: 40 },
        (_, index) =>
          (index === 0 ? 'externalId,name\n' : '') + `ck-${index},${'n'.repeat(10_000)}\n`,
      );
      const failed = await send(
        agent,
        'POST',
        '/api/v1/import/members',
        { 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' },
        pieces,
      );
      expect(failed.status).toBe(413);
      // A worker's body is piped to it as it arrives: on a busy machine the whole body may be
      // read before the refusal is answered, and then the connection rightly stays open. Either
      // way nothing of it is left in the socket: the next request on it is answered.
      expect(['close', 'keep-alive']).toContain(failed.headers.connection);
      const next = await send(agent, 'GET', '/api/v1/members?limit=1');
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('stops an import whose client goes away: no batch after, slot and lease released at once', async () => {
    const importId = '0f6c8a9e-2b4d-4e1f-8a3b-5c7d9e1f2a4b'.replace(
      '0f6c',
      environment.IMPORT_WORKER_MIN_BYTES === '0' ? '1f6c' : '0f6c',
    );
    const row = (index: number) =>
      JSON.stringify({
        externalId: `gone-${importId.slice(0, 4)}-${index}`,
        name: `Gone ${index}`,
      }) + '\n';
    // Declared far larger than what is sent, so that on the main thread it stays there.
    const upload = httpRequest({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: `/api/v1/import/members?importId=${importId}`,
      headers: {
        Authorization: test.keys.manager,
        'Content-Type': 'application/x-ndjson',
        'Content-Length': '290000',
      },
    });
    upload.on('error', () => undefined);
    // Two batches (500 rows each) and part of a third.
    upload.write(Array.from({ length: 1_200 }, (_, index) => row(index)).join(''));
    const run = () =>
      test
        .http()
        .get(`/api/v1/imports/${importId}`)
        .set('Authorization', test.keys.manager)
        .then((response) => response.body as { status?: string; rowsStored?: number });
    const progressed = await until(run, (body) => (body.rowsStored ?? 0) >= 1_000);
    expect(progressed).toMatchObject({ status: 'running', rowsStored: 1_000 });
    // Its id is taken while it runs: 409, not a second import (nor a 429 for the slot).
    const same = await send(
      new Agent(),
      'POST',
      `/api/v1/import/members?importId=${importId}`,
      { 'Content-Type': 'text/csv' },
      membersCsv('same', 1),
    );
    expect(same.status).toBe(409);
    expect(JSON.parse(same.body)).toMatchObject({ code: 'IMPORT_ID_TAKEN' });

    upload.destroy();
    const ended = await until(run, (body) => body.status !== 'running');
    expect(ended).toMatchObject({ status: 'aborted', rowsStored: 1_000 });
    const count = () =>
      test
        .http()
        .get('/api/v1/members')
        .query({ q: `gone-${importId.slice(0, 4)}-`, limit: '1' })
        .set('Authorization', test.keys.viewer)
        .then((response) => response.body.total as number);
    // The open batch died with the client; nothing more is written.
    expect(await count()).toBe(1_000);

    // The slot (IMPORTS_MAX_CONCURRENT=1) and the lease are free: the next import runs now.
    const next = await send(
      new Agent(),
      'POST',
      '/api/v1/import/members',
      { 'Content-Type': 'text/csv' },
      membersCsv(`after-${importId.slice(0, 4)}`, 3),
    );
    expect(next.status).toBe(200);
    expect(await count()).toBe(1_000);
  });
});
