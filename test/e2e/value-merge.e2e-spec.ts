import { TestApp, createTestApp } from '../support/test-app';
import { createMember, createPurchase } from '../support/factories';

describe('values after a merge', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' })));
  afterAll(() => test.close());

  const realized = async (memberId: string) =>
    (
      await test
        .http()
        .get(`/api/v1/members/${memberId}/value`)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body.components.spend.realized;
  const recompute = () =>
    test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '2026-06-01' })
      .expect(200);

  it("moves the other member's purchases into the survivor's value", async () => {
    const survivor = await createMember(test);
    const other = await createMember(test);
    await createPurchase(test, {
      memberId: survivor.id,
      amount: '100.00',
      occurredAt: '2026-01-10T10:00:00Z',
    });
    await createPurchase(test, {
      memberId: other.id,
      amount: '50.00',
      occurredAt: '2026-02-10T10:00:00Z',
    });
    await recompute();
    expect(await realized(survivor.id)).toBe('30.00');
    await test
      .http()
      .post(`/api/v1/members/${survivor.id}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: other.id })
      .expect(200);
    await recompute();
    expect(await realized(survivor.id)).toBe('45.00');
    // The pointer keeps no value of its own.
    const pointer = await test
      .http()
      .get(`/api/v1/members/${other.id}/value`)
      .set('Authorization', test.keys.viewer);
    expect(pointer.status).toBe(404);
  });
});
