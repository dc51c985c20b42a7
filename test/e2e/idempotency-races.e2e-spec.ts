import { DataSource } from 'typeorm';
import { canonicalHash } from '../../src/idempotency/canonical-hash';
import { IdempotencyPurgeService } from '../../src/idempotency/idempotency-purge.service';
import { TestApp, createTestApp } from '../support/test-app';
import {
  buildMember,
  buildMention,
  buildPurchase,
  buildReview,
  createMember,
} from '../support/factories';

const RACERS = 50;
const HOUR_MS = 3_600_000;

describe('Idempotency under races', () => {
  let test: TestApp;
  let buyer: string;
  beforeAll(async () => {
    test = await createTestApp();
    buyer = (await createMember(test)).id as string;
  });
  afterAll(() => test.close());

  const post = (path: string, body: object, key?: string) => {
    const call = test.http().post(`/api/v1/${path}`).set('Authorization', test.keys.manager);
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };
  const race = (path: string, bodies: object[], key?: string) =>
    Promise.all(bodies.map((body) => post(path, body, key)));
  const database = () => test.app.get(DataSource);
  /** Raw SQL with `?` placeholders, numbered for PostgreSQL. */
  const query = <Row>(sql: string, parameters: unknown[] = []): Promise<Row[]> => {
    let index = 0;
    const dialectSql =
      database().options.type === 'postgres' ? sql.replace(/\?/g, () => `$${(index += 1)}`) : sql;
    return database().query(dialectSql, parameters) as Promise<Row[]>;
  };
  const count = async (sql: string, parameters: unknown[]): Promise<number> => {
    const [row] = await query<{ count: string | number }>(sql, parameters);
    return Number(row.count);
  };
  const purchasesWith = (externalIds: string[]) =>
    count(
      `SELECT COUNT(*) AS count FROM purchases WHERE external_id IN (${externalIds.map(() => '?').join(', ')})`,
      externalIds,
    );
  const recordsOf = (key: string) =>
    query<Record<string, unknown>>('SELECT * FROM idempotency_records WHERE key = ?', [key]);
  const age = (key: string, hours: number) =>
    query('UPDATE idempotency_records SET created_at = ? WHERE key = ?', [
      Date.now() - hours * HOUR_MS,
      key,
    ]);

  describe.each([
    ['purchases', () => buildPurchase({ memberId: buyer })],
    ['mentions', () => buildMention()],
  ])('%s with one Idempotency-Key', (path, build) => {
    it('runs the handler once: every racer answers 201 with the one stored resource', async () => {
      const body = build();
      const key = `race-same-${path}`;
      const answers = await race(
        path,
        Array.from({ length: RACERS }, () => body),
        key,
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses).toEqual(Array.from({ length: RACERS }, () => 201));
      const ids = new Set(answers.map((answer) => answer.body.id as string));
      expect(ids.size).toBe(1);
      expect(
        answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true'),
      ).toHaveLength(RACERS - 1);
      expect(await count(`SELECT COUNT(*) AS count FROM ${path} WHERE id = ?`, [...ids])).toBe(1);
      const records = await recordsOf(key);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ status: 201, resource_id: [...ids][0] });
    });
  });

  it('stores one of 50 different bodies under one key and refuses the others with 422', async () => {
    const bodies = Array.from({ length: RACERS }, () => buildPurchase({ memberId: buyer }));
    const answers = await race('purchases', bodies, 'race-different');
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 422);
    expect(refused).toHaveLength(RACERS - 1);
    for (const answer of refused) expect(answer.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await purchasesWith(bodies.map((body) => body.externalId as string))).toBe(1);
  });

  it.each([
    ['purchases', () => buildPurchase({ memberId: buyer })],
    ['mentions', () => buildMention()],
    ['reviews', () => buildReview({ memberId: buyer })],
  ])(
    'answers 50 identical %s without a key 201 once and 200 unchanged, one record',
    async (path, build) => {
      const body = build();
      const answers = await race(
        path,
        Array.from({ length: RACERS }, () => body),
      );
      const statuses = answers.map((answer) => answer.status).sort((left, right) => left - right);
      expect(statuses).toEqual([...Array.from({ length: RACERS - 1 }, () => 200), 201]);
      expect(new Set(answers.map((answer) => answer.body.id as string)).size).toBe(1);
    },
  );

  it('releases the key when the handler fails, so a retry runs', async () => {
    const key = 'fails-first';
    const failing = buildPurchase({ memberId: '00000000-0000-4000-8000-000000000000' });
    const refused = await post('purchases', failing, key);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await recordsOf(key)).toHaveLength(0);
    const retry = buildPurchase({ memberId: buyer });
    await post('purchases', retry, key).expect(201);
    await post('purchases', retry, key).expect(201).expect('Idempotent-Replayed', 'true');
  });

  it('makes a key reusable once its record expired, and the purge deletes expired records', async () => {
    const first = await post('purchases', buildPurchase({ memberId: buyer }), 'expires').expect(
      201,
    );
    await post('purchases', buildPurchase({ memberId: buyer }), 'stays').expect(201);
    // Move the clock: the record was made 25 hours ago (idempotency.ttlHours is 24).
    await age('expires', 25);
    const again = await post('purchases', buildPurchase({ memberId: buyer }), 'expires').expect(
      201,
    );
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.id).not.toBe(first.body.id);

    await age('expires', 25);
    expect(await test.app.get(IdempotencyPurgeService).fire(new Date())).toBe('ran');
    expect(await recordsOf('expires')).toHaveLength(0);
    expect(await recordsOf('stays')).toHaveLength(1);
  });

  it('keeps no body and no personal data in the record', async () => {
    const member = buildMember();
    const created = await post('members', member, 'no-personal-data').expect(201);
    const [record] = await recordsOf('no-personal-data');
    expect(Object.keys(record)).not.toContain('response_body');
    expect(record.resource_id).toBe(created.body.id);
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(member.email as string);
    expect(stored).not.toContain(member.name as string);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS with Retry-After after waiting 5 s for a running first request', async () => {
    const body = buildPurchase({ memberId: buyer });
    const key = 'still-running';
    const [apiKey] = await query<{ id: string }>('SELECT id FROM api_keys WHERE name = ?', [
      'manager',
    ]);
    const route = 'POST /api/v1/purchases';
    // A reservation whose handler never finishes, as if its instance hung.
    await query(
      'INSERT INTO idempotency_records (id, api_key_id, key, route, request_hash, status, resource_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        '11111111-1111-4111-8111-111111111111',
        apiKey.id,
        key,
        route,
        canonicalHash({ route, body }),
        null,
        null,
        Date.now(),
      ],
    );
    const started = Date.now();
    const answer = await post('purchases', body, key).expect(409);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(answer.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(answer.headers['retry-after']).toBe('1');
    expect(await purchasesWith([body.externalId as string])).toBe(0);
  });
});
