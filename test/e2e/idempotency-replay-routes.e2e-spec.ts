import { createEvent, createMember } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * A replay answers the resource as it is now on every POST, not only on record routes: the
 * identity of a member, the attendance of an event, a merge's pair, a dismissal.
 */
describe('Idempotency-Key replays of nested and action routes', () => {
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  const twice = async (path: string, body: object, key: string) => {
    const send = () =>
      test
        .http()
        .post(path)
        .set('Authorization', test.keys.manager)
        .set('Idempotency-Key', key)
        .send(body);
    const first = await send();
    const replay = await send();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.status).toBe(first.status);
    return { first, replay };
  };

  it('replays an added identity as the identity', async () => {
    const member = await createMember(test);
    const { first, replay } = await twice(
      `/api/v1/members/${member.id}/identities`,
      { platform: 'instagram', handle: 'replayed.handle' },
      'identity-1',
    );
    expect(first.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.body).toMatchObject({ memberId: member.id, handle: 'replayed.handle' });
  });

  it('replays a recorded attendance as the attendance, with its guests', async () => {
    const [event, member] = [await createEvent(test), await createMember(test)];
    const { first, replay } = await twice(
      `/api/v1/events/${event.id}/attendance`,
      { memberId: member.id, guestEmails: ['guest.replay@example.com'] },
      'attendance-1',
    );
    expect(first.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.body.guests).toHaveLength(1);
  });

  it('replays a merge as both members as they are now, without the counts it did not keep', async () => {
    const [survivor, other] = [await createMember(test), await createMember(test)];
    const { first, replay } = await twice(
      `/api/v1/members/${survivor.id}/merge`,
      { otherMemberId: other.id },
      'merge-1',
    );
    expect(first.status).toBe(200);
    expect(first.body.moved).toBeDefined();
    expect(replay.body).toEqual({ survivor: first.body.survivor, merged: first.body.merged });
    expect(replay.body.merged.mergedIntoId).toBe(survivor.id);
  });

  it('replays a dismissal as the dismissal', async () => {
    const [one, two] = [await createMember(test), await createMember(test)];
    const { first, replay } = await twice(
      '/api/v1/members/merge-suggestions/dismiss',
      { memberId: one.id, otherMemberId: two.id },
      'dismiss-1',
    );
    expect(first.status).toBe(201);
    expect(replay.body).toEqual(first.body);
  });
});
