import request, { Response } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { TestApp, createTestApp } from '../support/test-app';
import { buildMember, createMember } from '../support/factories';

/**
 * Input a hostile or careless client sends (issue #13): every answer a 4xx in the house shape
 * naming the field and the reason, nothing stored, and the server serving the next request.
 */
describe('bad input is refused, never a 5xx', () => {
  let test: TestApp;
  let agent: TestAgent;
  beforeAll(async () => {
    test = await createTestApp();
    agent = request.agent(test.app.getHttpServer());
  });
  afterAll(() => test.close());

  /** Sends the bytes as they are: superagent would JSON-serialise a Buffer under a JSON type. */
  const asIs = (body: unknown) => body as string;
  const postJson = (path: string, body: string | Buffer, key?: string) => {
    const call = agent.post(path).set('Content-Type', 'application/json').serialize(asIs);
    return (key ? call.set('Authorization', key) : call).send(body);
  };
  const postMember = (body: string | Buffer) =>
    postJson('/api/v1/members', body, test.keys.manager);
  const memberCount = async () =>
    (await agent.get('/api/v1/members?limit=1').set('Authorization', test.keys.viewer).expect(200))
      .body.total as number;

  /** The house shape, one detail naming `field` with `code`, no stack or internals; then a request that works. */
  async function expectRefusal(
    response: Response,
    field: string,
    code: string,
    errorCode = 'VALIDATION_FAILED',
  ): Promise<void> {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).toEqual({
      statusCode: response.status,
      error: expect.any(String),
      code: errorCode,
      message: expect.any(String),
      requestId: expect.any(String),
      details: expect.arrayContaining([{ field, reason: expect.any(String), code }]),
    });
    expect(response.text).not.toMatch(/\bat \S+ \(|\.ts:\d|node_modules|Error:|SELECT|INSERT/);
    expect(response.text.length).toBeLessThan(4096);
    await agent.get('/api/v1/members?limit=1').set('Authorization', test.keys.viewer).expect(200);
  }

  describe('NUL characters, refused on both databases alike', () => {
    it('in a member name, a nested list item and a key', async () => {
      const before = await memberCount();
      const name = await postMember(JSON.stringify(buildMember({ name: 'Ada\u0000Lovelace' })));
      await expectRefusal(name, 'name', 'nulCharacter');
      expect(name.body.details[0].reason).toBe('must not contain a NUL character (U+0000)');
      const tag = await postMember(JSON.stringify(buildMember({ tags: ['vip', 'a\u0000'] })));
      await expectRefusal(tag, 'tags.1', 'nulCharacter');
      const key = await postMember(JSON.stringify({ ...buildMember(), 'nick\u0000': 'x' }));
      await expectRefusal(key, 'nick\u0000', 'nulCharacter');
      expect(await memberCount()).toBe(before);
    });

    it.each(['/api/v1/members', '/api/v1/events', '/api/v1/advocates'])(
      'in ?q= of %s for a viewer',
      async (path) => {
        const response = await agent.get(`${path}?q=a%00b`).set('Authorization', test.keys.viewer);
        await expectRefusal(response, 'q', 'nulCharacter');
      },
    );

    it('in a path parameter', async () => {
      const response = await agent
        .get('/api/v1/members/a%00b')
        .set('Authorization', test.keys.viewer);
      await expectRefusal(response, 'id', 'nulCharacter');
    });
  });

  describe('lone surrogates', () => {
    it.each([
      ['email', '{"externalId":"s-1","email":"\\ud800@example.com"}'],
      ['email', '{"externalId":"s-2","email":"ada\\udc00@example.com"}'],
      ['name', '{"externalId":"s-3","name":"Ada \\ud83d"}'],
    ])('in %s: %s', async (field, body) => {
      await expectRefusal(await postMember(body), field, 'loneSurrogate');
    });

    it('a well-formed pair (an emoji) is taken', async () => {
      await postMember(JSON.stringify(buildMember({ name: 'Ada \ud83d\ude00' }))).expect(201);
    });
  });

  describe('email: null', () => {
    it('on create means no email, and a re-POST of the same answers unchanged', async () => {
      const body = JSON.stringify(buildMember({ email: null }));
      const created = await postMember(body).expect(201);
      expect(created.body.email).toBeNull();
      const again = await postMember(body).expect(200);
      expect(again.body.id).toBe(created.body.id);
    });

    it('on a re-POST of a member who has an email is other content: 409', async () => {
      const member = await createMember(test);
      const response = await postMember(
        JSON.stringify({ externalId: member.externalId, email: null }),
      ).expect(409);
      expect(response.body.details[0].field).toBe('externalId');
    });

    it('on PATCH removes the email', async () => {
      const member = await createMember(test);
      const patched = await agent
        .patch(`/api/v1/members/${member.id}`)
        .set('Authorization', test.keys.manager)
        .send({ email: null })
        .expect(200);
      expect(patched.body.email).toBeNull();
      // The address is free again.
      await postMember(JSON.stringify(buildMember({ email: member.email }))).expect(201);
    });

    it('on PATCH is refused when it would leave the member without a key', async () => {
      const member = await createMember(test, { externalId: undefined });
      const response = await agent
        .patch(`/api/v1/members/${member.id}`)
        .set('Authorization', test.keys.manager)
        .send({ email: null });
      await expectRefusal(response, 'email', 'required');
    });
  });

  describe('a Content-Encoding the body does not have', () => {
    it.each(['gzip', 'deflate', 'br'])('%s on a member POST', async (encoding) => {
      const response = await agent
        .post('/api/v1/members')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(JSON.stringify(buildMember()));
      await expectRefusal(response, '(body)', 'contentEncoding', 'BODY_UNREADABLE');
      expect(response.status).toBe(400);
    });

    it('gzip on the dashboard sign-in, without a key', async () => {
      const response = await agent
        .post('/api/v1/session')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('{"key":"nope"}');
      expect(response.status).toBe(400);
      await expectRefusal(response, '(body)', 'contentEncoding', 'BODY_UNREADABLE');
    });

    it('a body that is compressed as it says is read', async () => {
      for (const [encoding, body] of [
        ['gzip', gzipSync(JSON.stringify(buildMember()))],
        ['br', brotliCompressSync(JSON.stringify(buildMember()))],
      ] as const) {
        await agent
          .post('/api/v1/members')
          .set('Authorization', test.keys.manager)
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', encoding)
          .serialize(asIs)
          .send(body)
          .expect(201);
      }
    });
  });

  describe('deep nesting', () => {
    const deep = (levels: number) => `{"key":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

    it.each([
      ['the dashboard sign-in, without a key', '/api/v1/session', undefined],
      ['a member POST', '/api/v1/members', 'manager'],
    ] as const)('3,000 levels on %s: 400 with a short body', async (_label, path, role) => {
      const response = await postJson(path, deep(3000), role && test.keys[role]);
      expect(response.status).toBe(400);
      await expectRefusal(response, '(body)', 'maxDepth');
      expect(response.text.length).toBeLessThan(400);
    });

    it('3,000 nested arrays too', async () => {
      const response = await postMember(`${'['.repeat(3000)}${']'.repeat(3000)}`);
      await expectRefusal(response, '(body)', 'maxDepth');
    });
  });

  describe('reserved keys are unknown fields', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('%s', async (key) => {
      const before = await memberCount();
      const body = `{"externalId":"proto-${key}","name":"x","${key}":{"isAdmin":true}}`;
      const response = await postMember(body);
      await expectRefusal(response, key, 'unknownField');
      expect(response.body.details[0].reason).toBe('is not a known field');
      expect(await memberCount()).toBe(before);
    });

    it('nested in a list', async () => {
      const response = await postMember('{"externalId":"p-n","tags":[{"__proto__":{}}]}');
      await expectRefusal(response, 'tags.0.__proto__', 'unknownField');
    });
  });

  describe('invalid UTF-8', () => {
    it('is refused saying where, not stored as U+FFFD', async () => {
      const before = await memberCount();
      const body = Buffer.concat([
        Buffer.from('{"externalId":"utf8-1",\n"name":"Ad'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('a"}'),
      ]);
      const response = await postMember(body);
      await expectRefusal(response, '(body)', 'invalidUtf8', 'BODY_UNREADABLE');
      expect(response.status).toBe(400);
      expect(response.body.details[0].reason).toBe(
        'is not valid UTF-8 at line 2, column 11 (byte 34)',
      );
      expect(await memberCount()).toBe(before);
    });

    it.each([
      ['a UTF-8-encoded surrogate', [0xed, 0xa0, 0x80]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['a cut sequence', [0xe2, 0x82]],
    ])('%s', async (_label, bytes) => {
      const body = Buffer.concat([
        Buffer.from('{"externalId":"utf8-2","name":"'),
        Buffer.from(bytes),
        Buffer.from('"}'),
      ]);
      await expectRefusal(await postMember(body), '(body)', 'invalidUtf8', 'BODY_UNREADABLE');
    });

    it('valid multi-byte text is stored as sent', async () => {
      const created = await postMember(
        Buffer.from(JSON.stringify(buildMember({ name: 'Zoë 日本 😀' })), 'utf8'),
      ).expect(201);
      expect(created.body.name).toBe('Zoë 日本 😀');
    });
  });

  describe('in an import, each bad row refused with its line, every good one stored', () => {
    it('NUL, a reserved key and a lone surrogate in NDJSON rows', async () => {
      const lines = [
        '{"externalId":"import-ok-1","name":"Ada"}',
        '{"externalId":"import-nul","name":"A\\u0000B"}',
        '{"externalId":"import-proto","name":{"constructor":{}}}',
        '{"externalId":"import-surrogate","email":"x\\ud800@example.com"}',
        '{"externalId":"import-ok-2","name":"Grace"}',
      ];
      const response = await agent
        .post('/api/v1/import/members')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'application/x-ndjson')
        .send(lines.join('\n') + '\n');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rows: 5, created: 2, refused: 3 });
      expect(
        response.body.errors.map((error: { line: number; details: { code: string }[] }) => [
          error.line,
          error.details[0].code,
        ]),
      ).toEqual([
        [2, 'nulCharacter'],
        [3, 'unknownField'],
        [4, 'loneSurrogate'],
      ]);
      await agent
        .get('/api/v1/members?q=import-ok-2')
        .set('Authorization', test.keys.viewer)
        .expect(200);
    });
  });

  describe('error bodies stay small', () => {
    it('a 79 KB CSV header of unknown columns answers a few KB, saying how many more', async () => {
      const header = Array.from({ length: 4_000 }, (_, i) => `column_${i}_${'x'.repeat(10)}`);
      const response = await agent
        .post('/api/v1/import/members')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'text/csv')
        .send(`${header.join(',')}\n`);
      expect(header.join(',').length).toBeGreaterThan(79_000);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_CSV_HEADER');
      expect(response.text.length).toBeLessThan(16_384);
      expect(response.body.details).toHaveLength(51);
      expect(response.body.details[50]).toEqual({
        field: '(more)',
        reason: 'and 3950 more problems',
        code: 'truncated',
      });
      expect(response.body.message.length).toBeLessThanOrEqual(1_000);
    });

    it('a single enormous column name is cut in the field it names', async () => {
      const response = await agent
        .post('/api/v1/import/members')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'text/csv')
        .send(`${'y'.repeat(80_000)}\n`);
      expect(response.status).toBe(400);
      expect(response.text.length).toBeLessThan(4_096);
      expect(response.body.details[0].field).toHaveLength(200);
    });
  });
});
