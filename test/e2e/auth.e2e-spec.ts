import { ADMIN_KEY, TestApp, createTestApp } from '../support/test-app';

describe('API keys and roles', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  it('answers /health without a key and reports the database', async () => {
    const response = await test.http().get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { type: expect.any(String), ready: true },
      reasons: [],
    });
  });

  it('refuses a missing key, a malformed header and an unknown key with 401', async () => {
    const missing = await test.http().get('/api/v1/members').expect(401);
    expect(missing.body).toMatchObject({
      statusCode: 401,
      code: 'API_KEY_MISSING',
      requestId: expect.any(String),
    });
    await test.http().get('/api/v1/members').set('Authorization', 'Basic abc').expect(401);
    const unknown = await test
      .http()
      .get('/api/v1/members')
      .set('Authorization', 'Bearer halo_doesnotexist1234567890')
      .expect(401);
    expect(unknown.body.code).toBe('API_KEY_INVALID');
  });

  it('gives the secret once, stores only a hash, and lists keys without secrets', async () => {
    const created = await test
      .http()
      .post('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .send({ name: 'CRM', role: 'viewer' })
      .expect(201);
    expect(created.body.secret).toMatch(/^halo_[A-Za-z0-9_-]{43}$/);
    expect(created.body.prefix).toBe(created.body.secret.slice(0, 11));
    const list = await test
      .http()
      .get('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(list.body.items.map((key: { name: string }) => key.name)).toContain('CRM');
  });

  it('enforces viewer ⊂ manager ⊂ admin', async () => {
    await test.http().get('/api/v1/members').set('Authorization', test.keys.viewer).expect(200);
    const write = await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.viewer)
      .send({ name: 'x' })
      .expect(403);
    expect(write.body.code).toBe('ROLE_INSUFFICIENT');
    await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.manager)
      .send({ externalId: 'manager-made', name: 'Manager made' })
      .expect(201);
    await test.http().get('/api/v1/api-keys').set('Authorization', test.keys.manager).expect(403);
    await test.http().get('/api/v1/api-keys').set('Authorization', test.keys.admin).expect(200);
  });

  it('stops accepting a revoked key at once', async () => {
    const created = await test
      .http()
      .post('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .send({ name: 'temp', role: 'viewer' })
      .expect(201);
    const bearer = `Bearer ${created.body.secret}`;
    await test.http().get('/api/v1/members').set('Authorization', bearer).expect(200);
    const revoked = await test
      .http()
      .delete(`/api/v1/api-keys/${created.body.id}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await test.http().get('/api/v1/members').set('Authorization', bearer).expect(401);
  });

  it('keeps the HALO_ADMIN_KEY working as admin', async () => {
    await test
      .http()
      .get('/api/v1/api-keys')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .expect(200);
  });

  it('refuses a bad role with the field named', async () => {
    const response = await test
      .http()
      .post('/api/v1/api-keys')
      .set('Authorization', test.keys.admin)
      .send({ name: 'x', role: 'root' })
      .expect(400);
    expect(response.body.details).toEqual([
      expect.objectContaining({ field: 'role', code: 'isIn' }),
    ]);
  });

  it('serves the OpenAPI document with every route described', async () => {
    const response = await test
      .http()
      .get('/docs-json')
      .set('Authorization', test.keys.viewer)
      .expect(200);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/members',
        '/api/v1/purchases',
        '/api/v1/campaigns',
        '/api/v1/api-keys',
        '/health',
      ]),
    );
    const member = response.body.components.schemas.CreateMemberDto;
    expect(member.properties.email.example).toBe('ada@example.com');
    for (const [path, operations] of Object.entries<Record<string, { responses: object }>>(
      response.body.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect([path, method, Object.keys(operation.responses).length > 0]).toEqual([
          path,
          method,
          true,
        ]);
      }
    }
  });
});
