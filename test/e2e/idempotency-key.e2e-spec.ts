import { TestApp, createTestApp } from '../support/test-app';
import { buildMember } from '../support/factories';

describe('Idempotency-Key on single POSTs', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  const post = (body: object, key?: string, auth = test.keys.manager) => {
    const call = test.http().post('/api/v1/members').set('Authorization', auth);
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };
  const total = async () =>
    (await test.http().get('/api/v1/members').set('Authorization', test.keys.viewer)).body
      .total as number;

  it('replays the first answer for the same key and body, storing nothing new', async () => {
    // Without the header the same member again would answer 200 (unchanged); the replay
    // answers the first 201 itself.
    const body = buildMember();
    const first = await post(body, 'key-1').expect(201);
    const before = await total();
    const again = await post(body, 'key-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await total()).toBe(before);
  });

  it('replays the resource as it is now: the record keeps its id, not the first answer', async () => {
    const body = buildMember();
    const first = await post(body, 'key-reread').expect(201);
    await test
      .http()
      .patch(`/api/v1/members/${first.body.id as string}`)
      .set('Authorization', test.keys.manager)
      .send({ name: 'Renamed Since' })
      .expect(200);
    const replay = await post(body, 'key-reread').expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({ id: first.body.id, name: 'Renamed Since' });
  });

  it('refuses the same key with another body with 422', async () => {
    await post(buildMember(), 'key-2').expect(201);
    const reused = await post(buildMember(), 'key-2').expect(422);
    expect(reused.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: [expect.objectContaining({ field: 'Idempotency-Key' })],
    });
  });

  it('scopes keys per API key, and does not store refusals', async () => {
    await post(buildMember(), 'key-3').expect(201);
    await post(buildMember(), 'key-3', test.keys.admin).expect(201);
    const invalid = { email: 'bad' };
    await post(invalid, 'key-4').expect(400);
    await post(buildMember(), 'key-4').expect(201);
  });

  it('refuses a malformed key', async () => {
    const response = await post(buildMember(), 'x'.repeat(201)).expect(400);
    expect(response.body.details[0].field).toBe('Idempotency-Key');
  });
});
