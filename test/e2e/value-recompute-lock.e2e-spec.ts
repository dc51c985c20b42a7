import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ValueRun } from '../../src/value/value-run.entity';
import { TestApp, createTestApp } from '../support/test-app';
import { toNdjson } from '../support/import-files';

const DAY_MS = 86_400_000;

/** DESIGN.md, Recompute lock: one recompute at a time; the same asOf joins, another is 409. */
describe('recompute lock', () => {
  let test: TestApp;
  const recompute = (body: object) =>
    test.http().post('/api/v1/value/recompute').set('Authorization', test.keys.manager).send(body);
  const runs = () => test.app.get(DataSource).getRepository(ValueRun);

  beforeAll(async () => {
    test = await createTestApp();
    // Enough buyers that a recompute (in its worker thread) takes a moment.
    const members = Array.from({ length: 300 }, (_, i) => ({ externalId: `lock-${i}` }));
    const purchases = members.flatMap((member, i) =>
      Array.from({ length: 1 + (i % 4) }, (_, k) => ({
        externalId: `lock-${i}-${k}`,
        memberExternalId: member.externalId,
        amount: '20.00',
        currency: 'EUR',
        occurredAt: new Date(Date.now() - (400 - k * 60 - (i % 50)) * DAY_MS).toISOString(),
      })),
    );
    for (const [type, rows] of [
      ['members', members],
      ['purchases', purchases],
    ] as const) {
      await test
        .http()
        .post(`/api/v1/import/${type}`)
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'application/x-ndjson')
        .send(toNdjson(rows))
        .expect(200);
    }
  });
  afterAll(() => test.close());

  it('joins five concurrent requests for one asOf into one run', async () => {
    const asOf = new Date(Date.now() - DAY_MS).toISOString();
    const before = await runs().count();
    const answers = await Promise.all(Array.from({ length: 5 }, () => recompute({ asOf })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers[0].body.status).toBe('succeeded');
    expect(await runs().count()).toBe(before + 1);
  });

  it('answers 409 naming the running run to a request for another asOf', async () => {
    const [first, second] = await Promise.all([
      recompute({ asOf: new Date(Date.now() - 2 * DAY_MS).toISOString() }),
      new Promise((resolve) => setTimeout(resolve, 30)).then(() =>
        recompute({ asOf: new Date(Date.now() - 3 * DAY_MS).toISOString() }),
      ),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'RECOMPUTE_IN_PROGRESS' });
    expect(second.body.message).toContain(first.body.id);
    expect(second.body.details[0]).toMatchObject({ field: 'asOf', code: 'inProgress' });
  });

  it('marks a run left running by an instance that died as failed, and runs', async () => {
    const stale = Object.assign(new ValueRun(), {
      id: randomUUID(),
      asOf: Date.now() - 5 * DAY_MS,
      asOfDate: new Date(Date.now() - 5 * DAY_MS).toISOString().slice(0, 10),
      status: 'running',
      trigger: 'api',
      startedAt: Date.now() - 3_600_000,
      finishedAt: null,
      durationMs: null,
      members: 0,
      method: null,
      model: null,
      error: null,
    });
    await runs().insert(stale);
    const answer = await recompute({});
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('succeeded');
    const after = await runs().findOneByOrFail({ id: stale.id });
    expect(after.status).toBe('failed');
    expect(after.error).toContain('abandoned');
  });
});
