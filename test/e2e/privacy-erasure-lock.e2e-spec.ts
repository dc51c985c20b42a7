import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../src/config/halo-settings';
import { Lease } from '../../src/database/lease.entity';
import { Member } from '../../src/members/member.entity';
import { ERASURE_LEASE, IMPORT_LEASE_PREFIX } from '../../src/imports/import-leases';
import { RECOMPUTE_LEASE } from '../../src/value/recompute-lock';
import { ValueRun } from '../../src/value/value-run.entity';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { createMember } from '../support/factories';
import { toNdjson } from '../support/import-files';
import { TestApp, createTestApp } from '../support/test-app';

const DAY_MS = 86_400_000;

/**
 * DESIGN.md, Erasure: an erasure runs under the same lock as recompute and imports. It waits
 * for a running recompute or import (up to ERASURE_LOCK_WAIT_SECONDS, 5 s here), then answers
 * 409 ERASURE_BLOCKED naming it; an import waits for a running erasure.
 */
describe('privacy: erasure under the recompute and import lock', () => {
  let test: TestApp;
  const dataSource = () => test.app.get(DataSource);
  const leases = () => dataSource().getRepository(Lease);
  const erase = (id: string) =>
    test.http().delete(`/api/v1/members/${id}`).set('Authorization', test.keys.admin);
  const emailOf = async (id: string) =>
    (await dataSource().getRepository(Member).findOneByOrFail({ id })).email;
  /** Another instance's lease, held until released. */
  const holdLease = async (name: string, ms = 60_000) => {
    await leases().delete({ name });
    await leases().insert({
      name,
      holder: `other-instance:${randomUUID()}`,
      expiresAt: Date.now() + ms,
    });
  };
  const releaseLease = (name: string) => leases().update({ name }, { expiresAt: 0 });
  const runningRun = async () => {
    const run = Object.assign(new ValueRun(), {
      id: randomUUID(),
      asOf: Date.now() - DAY_MS,
      asOfDate: new Date(Date.now() - DAY_MS).toISOString().slice(0, 10),
      status: 'running',
      trigger: 'api',
      startedAt: Date.now(),
      finishedAt: null,
      durationMs: null,
      members: 0,
      method: null,
      model: null,
      error: null,
    });
    await dataSource().getRepository(ValueRun).insert(run);
    return run;
  };

  beforeAll(async () => {
    test = await createTestApp({ ERASURE_LOCK_WAIT_SECONDS: '5' });
    // Enough buyers that a recompute (in its worker thread) takes a moment.
    const members = Array.from({ length: 300 }, (_, i) => ({
      externalId: `lock-${i}`,
      email: `lock-${i}@lock.example`,
      name: `Lock Person ${i}`,
    }));
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
    ] as const)
      await test
        .http()
        .post(`/api/v1/import/${type}`)
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'application/x-ndjson')
        .send(toNdjson(rows))
        .expect(200);
  });
  afterAll(() => test.close());

  it('answers 409 ERASURE_BLOCKED naming the run when a recompute holds the lock too long', async () => {
    const member = await createMember(test, { email: 'blocked@lock.example' });
    const run = await runningRun();
    await holdLease(RECOMPUTE_LEASE);
    try {
      const started = Date.now();
      const answer = await erase(member.id);
      expect(answer.status).toBe(409);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      expect(answer.body).toMatchObject({ code: 'ERASURE_BLOCKED' });
      expect(answer.body.message).toContain(run.id);
      expect(await emailOf(member.id)).toBe('blocked@lock.example');
      // Nothing left held by the refused erasure: imports are not kept waiting.
      expect(await leases().findOneBy({ name: ERASURE_LEASE })).toMatchObject({ expiresAt: 0 });
    } finally {
      await releaseLease(RECOMPUTE_LEASE);
      await dataSource().getRepository(ValueRun).update({ id: run.id }, { status: 'failed' });
    }
  });

  it('waits for a recompute that finishes in time, then erases', async () => {
    const member = await createMember(test, { email: 'waits@lock.example' });
    await holdLease(RECOMPUTE_LEASE);
    const answer = erase(member.id).then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Still waiting: the person is untouched while the recompute holds the lock.
    expect(await emailOf(member.id)).toBe('waits@lock.example');
    await releaseLease(RECOMPUTE_LEASE);
    expect((await answer).status).toBe(200);
    expect(await emailOf(member.id)).toBeNull();
  });

  it('leaves no snapshot of a person erased while a real recompute runs', async () => {
    const [person] = (await dataSource().query(
      "SELECT id FROM members WHERE external_id = 'lock-7'",
    )) as { id: string }[];
    const asOf = new Date(Date.now() - DAY_MS).toISOString();
    const recompute = test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf })
      .then((response) => response);
    // The erasure is asked for while the run is in progress.
    const runs = dataSource().getRepository(ValueRun);
    for (let tries = 0; tries < 500 && !(await runs.existsBy({ status: 'running' })); tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const running = await runs.findOneByOrFail({ status: 'running' });
    // The run's length is the machine's (over 5 s on a loaded CI runner): this erasure may wait
    // as long as it needs; the 5 s refusal is the test above's.
    const privacy = test.app.get(HaloSettings).privacy;
    privacy.erasureLockWaitSeconds = 120;
    const erased = await erase(person.id).then(
      (response) => ((privacy.erasureLockWaitSeconds = 5), response),
    );
    expect(erased.status).toBe(200);
    const run = await recompute;
    expect(run.body).toMatchObject({ id: running.id, status: 'succeeded' });
    // The erasure waited for the run: it finished after the run did, and removed its snapshots.
    const finished = await runs.findOneByOrFail({ id: running.id });
    expect(Date.parse(erased.body.erasedAt)).toBeGreaterThanOrEqual(finished.finishedAt!);
    expect(finished.members).toBeGreaterThan(1);
    expect(await dataSource().getRepository(ValueSnapshot).countBy({ memberId: person.id })).toBe(
      0,
    );
  }, 120_000);

  it('answers 409 ERASURE_BLOCKED while an import runs, and erases once it is over', async () => {
    const member = await createMember(test, { email: 'import-blocked@lock.example' });
    const name = `${IMPORT_LEASE_PREFIX}${randomUUID()}`;
    await holdLease(name);
    try {
      const answer = await erase(member.id);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'ERASURE_BLOCKED' });
      expect(answer.body.message).toMatch(/1 import\(s\) are running/);
    } finally {
      await leases().delete({ name });
    }
    expect((await erase(member.id)).status).toBe(200);
  });

  it('makes an import wait while an erasure runs', async () => {
    await holdLease(ERASURE_LEASE);
    const imported = test
      .http()
      .post('/api/v1/import/members')
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'application/x-ndjson')
      .send(toNdjson([{ externalId: 'after-erasure', email: 'after-erasure@lock.example' }]))
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const before = (await dataSource().query(
      "SELECT COUNT(*) AS count FROM members WHERE external_id = 'after-erasure'",
    )) as { count: string | number }[];
    expect(Number(before[0].count)).toBe(0);
    await releaseLease(ERASURE_LEASE);
    const answer = await imported;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, refused: 0 });
    // Its lease row is gone once it is over.
    const left = await dataSource().query(
      `SELECT name FROM leases WHERE name LIKE '${IMPORT_LEASE_PREFIX}%' AND expires_at > ${Date.now()}`,
    );
    expect(left).toEqual([]);
  });
});
