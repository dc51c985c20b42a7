import { DataSource } from 'typeorm';
import { generateDemoCommunity } from '../../src/demo/demo-community';
import { seedDemo } from '../../src/demo/seed-demo';
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
});
