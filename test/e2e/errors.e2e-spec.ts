import { TestApp, createTestApp } from '../support/test-app';
import { buildCampaign, buildMember } from '../support/factories';

describe('error shape and bad input', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp({ BODY_MAX_BYTES: '4096' })));
  afterAll(() => test.close());

  const postMember = () =>
    test.http().post('/api/v1/members').set('Authorization', test.keys.manager);
  const memberCount = async () =>
    (await test.http().get('/api/v1/members').set('Authorization', test.keys.viewer)).body
      .total as number;

  it('answers malformed JSON with 400 in the house shape', async () => {
    const response = await postMember()
      .set('Content-Type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'MALFORMED_JSON',
      message: expect.any(String),
      requestId: expect.any(String),
      details: [{ field: '(body)', reason: 'is not valid JSON', code: 'malformedJson' }],
    });
    expect(response.headers['x-request-id']).toBe(response.body.requestId);
  });

  it('keeps API answers out of caches and never sniffed, errors and successes alike', async () => {
    const refused = await postMember().send({ email: 'nope' }).expect(400);
    const listed = await test
      .http()
      .get('/api/v1/members')
      .set('Authorization', test.keys.viewer)
      .expect(200);
    for (const response of [refused, listed]) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    // The dashboard's static files keep their own caching.
    const page = await test.http().get('/').expect(200);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).not.toBe('no-store');
  });

  it('echoes a caller request id', async () => {
    const response = await postMember()
      .set('X-Request-Id', 'trace-123')
      .send({ email: 'nope' })
      .expect(400);
    expect(response.body.requestId).toBe('trace-123');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await postMember()
      .send({ name: 'x'.repeat(5000) })
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an array where an object belongs, and an empty body is a missing-fields 400', async () => {
    const array = await postMember().send([buildMember()]).expect(400);
    expect(array.body.details[0]).toMatchObject({ field: '(body)', code: 'isObject' });
    const emptyCampaign = await test
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(400);
    expect(emptyCampaign.body.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining([
        'name',
        'channel',
        'spend',
        'currency',
        'startsAt',
        'endsAt',
        'prospects',
      ]),
    );
  });

  it.each([
    ['malformed email', { email: 'not-an-email' }, 'email'],
    ['10,000-character name', { name: 'n'.repeat(3000) }, 'name'],
    ['tags not a list', { tags: 'vip' }, 'tags'],
    ['name of the wrong type', { name: 7 }, 'name'],
    ['acquiredAt not a date', { acquiredAt: 'last week' }, 'acquiredAt'],
    ['unknown field', { nickname: 'x' }, 'nickname'],
    [
      'unknown campaign',
      { acquisitionCampaignId: '00000000-0000-4000-8000-000000000000' },
      'acquisitionCampaignId',
    ],
  ])('refuses a %s and stores nothing', async (_label, override, field) => {
    const before = await memberCount();
    const response = await postMember().send(buildMember(override));
    expect([400, 422]).toContain(response.status);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(await memberCount()).toBe(before);
  });

  it('answers an unknown route and a bad path id in the house shape', async () => {
    const unknown = await test
      .http()
      .get('/api/v1/nothing-here')
      .set('Authorization', test.keys.viewer)
      .expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: [] });
    const badId = await test
      .http()
      .get('/api/v1/members/42')
      .set('Authorization', test.keys.viewer)
      .expect(400);
    expect(badId.body.details[0]).toMatchObject({ field: 'id', code: 'isUuid' });
    const missing = await test
      .http()
      .get('/api/v1/members/00000000-0000-4000-8000-000000000000')
      .set('Authorization', test.keys.viewer)
      .expect(404);
    expect(missing.body.code).toBe('MEMBER_NOT_FOUND');
  });

  describe('campaigns', () => {
    it('records spend converted to the base currency, idempotently', async () => {
      const body = buildCampaign({
        externalId: 'spring',
        spend: '1200.50',
        startsAt: '2027-01-01',
        endsAt: '2027-02-01',
      });
      const created = await test
        .http()
        .post('/api/v1/campaigns')
        .set('Authorization', test.keys.manager)
        .send(body)
        .expect(201);
      expect(created.body).toMatchObject({
        spend: '1200.50',
        baseSpend: '1200.50',
        prospects: 5000,
        startsAt: '2027-01-01T00:00:00.000Z',
      });
      await test
        .http()
        .post('/api/v1/campaigns')
        .set('Authorization', test.keys.manager)
        .send(body)
        .expect(200);
      await test
        .http()
        .post('/api/v1/campaigns')
        .set('Authorization', test.keys.manager)
        .send({ ...body, prospects: 1 })
        .expect(409);
      const member = await postMember()
        .send(buildMember({ acquisitionCampaignId: created.body.id }))
        .expect(201);
      expect(member.body.acquisitionCampaignId).toBe(created.body.id);
    });

    it('refuses an end before the start and negative prospects', async () => {
      const early = await test
        .http()
        .post('/api/v1/campaigns')
        .set('Authorization', test.keys.manager)
        .send(buildCampaign({ endsAt: '2025-12-31' }))
        .expect(400);
      expect(early.body.details[0].field).toBe('endsAt');
      const negative = await test
        .http()
        .post('/api/v1/campaigns')
        .set('Authorization', test.keys.manager)
        .send(buildCampaign({ prospects: -1 }))
        .expect(400);
      expect(negative.body.details[0].field).toBe('prospects');
    });
  });
});
