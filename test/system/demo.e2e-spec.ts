import { DataSource } from 'typeorm';
import { generateDemoCommunity } from '../../src/demo/demo-community';
import { seedDemo } from '../../src/demo/seed-demo';
import { recomputeHistory } from '../../src/demo/value-history';
import { RecomputeService } from '../../src/value/recompute.service';
import { ValueRun } from '../../src/value/value-run.entity';
import { TestApp, createTestApp } from '../support/test-app';

describe('demo community', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' })));
  afterAll(() => test.close());

  it('seeds a consistent community on which the fitted model (not the fallback) runs', async () => {
    const community = generateDemoCommunity(400, Date.now(), 11);
    const counts = await seedDemo(test.app.get(DataSource), community);
    expect(counts.members).toBe(400);
    expect(counts.purchases).toBeGreaterThan(400);
    expect(counts.referrals).toBeGreaterThan(10);
    const members = await test
      .http()
      .get('/api/v1/members')
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(members.body.total).toBe(400);
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', members: 400 });
    // A fitted model values members, whichever of the two did better on the holdout.
    expect(['bgnbd', 'mbgnbd']).toContain(run.body.method);
    const model = await test
      .http()
      .get('/api/v1/model')
      .set('Authorization', test.keys.viewer)
      .expect(200);
    // Drawn from CDNOW's parameters (alpha 30.9 days): the fit lands in their neighbourhood.
    expect(model.body.bgnbd.r).toBeGreaterThan(0.1);
    expect(model.body.bgnbd.r).toBeLessThan(0.6);
    expect(model.body.bgnbd.converged).toBe(true);
    expect(model.body.modifiedBgnbd.converged).toBe(true);
    expect(model.body.spendModel).toMatchObject({ chosen: run.body.method, pinned: false });
    const errors = model.body.spendModel.meanAbsoluteError;
    expect(errors[run.body.method]).toBeLessThanOrEqual(
      errors[run.body.method === 'bgnbd' ? 'mbgnbd' : 'bgnbd'],
    );
    process.stdout.write(`demo spend model: ${JSON.stringify(model.body.spendModel)}\n`);
  });

  it('looks alive on first view: recent members, half a year of values, risers, duplicates to merge', async () => {
    const now = Date.now();
    const get = async (path: string) =>
      (await test.http().get(path).set('Authorization', test.keys.admin).expect(200)).body;
    // The demo values six months; two dates a month apart show the same on a test's budget.
    const run = await recomputeHistory(test.app.get(RecomputeService), now, undefined, [30, 0]);
    expect(run.status).toBe('succeeded');
    const runs = await test.app
      .get(DataSource)
      .getRepository(ValueRun)
      .countBy({ status: 'succeeded', trigger: 'demo' });
    expect(runs).toBe(2);
    const monthAgo = new Date(now - 30 * 86_400_000).toISOString();
    expect((await get(`/api/v1/members?acquiredFrom=${monthAgo}&limit=1`)).total).toBeGreaterThan(
      0,
    );
    const someone = (await get('/api/v1/members?limit=1')).items[0];
    expect((await get(`/api/v1/members/${someone.id}/value/history`)).total).toBeGreaterThan(1);
    expect((await get('/api/v1/advocates?segment=rising&limit=5')).total).toBeGreaterThan(0);
    expect((await get('/api/v1/members/merge-suggestions')).items.length).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
