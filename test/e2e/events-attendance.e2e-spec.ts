import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../src/database/sql';
import { Attendance } from '../../src/events/attendance.entity';
import { EventGuestsService } from '../../src/events/event-guests.service';
import { TestApp, createTestApp } from '../support/test-app';
import { buildMember, createEvent, createMember, createPurchase } from '../support/factories';

describe('event attendance', () => {
  let test: TestApp;
  let pastEvent: Record<string, any>;
  let futureEvent: Record<string, any>;
  beforeAll(async () => {
    test = await createTestApp();
    pastEvent = await createEvent(test, { startsAt: '2026-03-10T18:00:00Z' });
    futureEvent = await createEvent(test, { startsAt: '2099-01-01T18:00:00Z' });
  });
  afterAll(() => test.close());

  const attendancePath = (event: Record<string, any>) => `/api/v1/events/${event.id}/attendance`;
  const post = (event: Record<string, any>, body: Record<string, unknown>) =>
    test.http().post(attendancePath(event)).set('Authorization', test.keys.manager).send(body);
  const patch = (event: Record<string, any>, id: string, body: Record<string, unknown>) =>
    test
      .http()
      .patch(`${attendancePath(event)}/${id}`)
      .set('Authorization', test.keys.manager)
      .send(body);
  const getOne = (event: Record<string, any>, id: string) =>
    test
      .http()
      .get(`${attendancePath(event)}/${id}`)
      .set('Authorization', test.keys.viewer);
  const list = async (event: Record<string, any>, query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get(attendancePath(event))
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body as { items: Record<string, any>[]; total: number; nextCursor: string | null };

  it('records a member at an event, registered at the start of a past event', async () => {
    const member = await createMember(test);
    const created = await post(pastEvent, { memberExternalId: member.externalId }).expect(201);
    expect(created.body).toMatchObject({
      eventId: pastEvent.id,
      memberId: member.id,
      email: null,
      role: 'attendee',
      status: 'registered',
      registeredAt: '2026-03-10T18:00:00.000Z',
      attendedAt: null,
      noShowAt: null,
      guests: [],
    });
    expect((await getOne(pastEvent, created.body.id).expect(200)).body).toEqual(created.body);
  });

  it('refuses attendance for an unknown event with a 404 naming the event, storing nothing', async () => {
    const member = await createMember(test);
    const ghost = '00000000-0000-4000-8000-000000000123';
    const response = await test
      .http()
      .post(`/api/v1/events/${ghost}/attendance`)
      .set('Authorization', test.keys.manager)
      .send({ memberId: member.id })
      .expect(404);
    expect(response.body).toMatchObject({
      code: 'EVENT_NOT_FOUND',
      details: [expect.objectContaining({ field: 'eventId' })],
    });
    expect(response.body.message).toContain(ghost);
    expect((await list(pastEvent, { memberId: member.id })).total).toBe(0);
  });

  it('keeps one attendance per (event, member): the same again is unchanged, another role 409', async () => {
    const member = await createMember(test);
    const first = await post(pastEvent, { memberId: member.id, role: 'speaker' }).expect(201);
    const byEmail = await post(pastEvent, { memberEmail: member.email, role: 'speaker' }).expect(
      200,
    );
    expect(byEmail.body.id).toBe(first.body.id);
    const host = await post(pastEvent, { memberId: member.id, role: 'host' }).expect(409);
    expect(host.body).toMatchObject({
      code: 'ATTENDANCE_EXISTS',
      details: [expect.objectContaining({ field: 'role' })],
    });
    expect((await list(pastEvent, { memberId: member.id })).total).toBe(1);
    // The same member may attend another event.
    await post(futureEvent, { memberId: member.id }).expect(201);
  });

  it('keeps one attendance per (event, email) for a non-member, ignoring case', async () => {
    const first = await post(pastEvent, { email: 'Walk.In@Example.com' }).expect(201);
    expect(first.body).toMatchObject({ memberId: null, email: 'Walk.In@Example.com' });
    const again = await post(pastEvent, { email: 'walk.in@example.COM' }).expect(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('has the database keep (event, member) and (event, email) unique', async () => {
    const repository = test.app.get(DataSource).getRepository(Attendance);
    const member = await createMember(test);
    for (const body of [{ memberId: member.id }, { email: 'unique.walkin@example.com' }]) {
      const created = await post(pastEvent, body).expect(201);
      const row = await repository.findOneByOrFail({ id: created.body.id });
      const duplicate = await repository
        .insert({ ...row, id: randomUUID(), externalId: 'other-key' })
        .catch((error) => error);
      expect(isUniqueViolation(duplicate)).toBe(true);
    }
  });

  it('is idempotent on externalId and refuses it for another person', async () => {
    const [ada, grace] = [await createMember(test), await createMember(test)];
    const body = { externalId: 'eb-1', memberId: ada.id };
    const first = await post(pastEvent, body).expect(201);
    expect((await post(pastEvent, body).expect(200)).body.id).toBe(first.body.id);
    const other = await post(pastEvent, { externalId: 'eb-1', memberId: grace.id }).expect(409);
    expect(other.body.details[0].field).toBe('memberId');
    const elsewhere = await post(futureEvent, body).expect(409);
    expect(elsewhere.body.details[0].field).toBe('eventId');
  });

  it('dates status changes and refuses going back to registered', async () => {
    const member = await createMember(test);
    const created = await post(pastEvent, {
      memberId: member.id,
      registeredAt: '2026-03-01T09:00:00Z',
    }).expect(201);
    const attended = await patch(pastEvent, created.body.id, { status: 'attended' }).expect(200);
    expect(attended.body).toMatchObject({
      status: 'attended',
      registeredAt: '2026-03-01T09:00:00.000Z',
      attendedAt: '2026-03-10T18:00:00.000Z',
      noShowAt: null,
    });
    const corrected = await patch(pastEvent, created.body.id, {
      status: 'no-show',
      noShowAt: '2026-03-10T19:00:00Z',
    }).expect(200);
    expect(corrected.body).toMatchObject({
      status: 'no-show',
      attendedAt: null,
      noShowAt: '2026-03-10T19:00:00.000Z',
    });
    const back = await patch(pastEvent, created.body.id, { status: 'registered' }).expect(422);
    expect(back.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: [expect.objectContaining({ field: 'status' })],
    });
    const role = await patch(pastEvent, created.body.id, { role: 'volunteer' }).expect(200);
    expect(role.body).toMatchObject({ role: 'volunteer', status: 'no-show' });
  });

  it('treats a new status sent again as updated', async () => {
    const member = await createMember(test);
    await post(pastEvent, { memberId: member.id }).expect(201);
    const updated = await post(pastEvent, {
      memberId: member.id,
      status: 'attended',
      attendedAt: '2026-03-10T18:30:00Z',
    }).expect(200);
    expect(updated.body).toMatchObject({
      status: 'attended',
      attendedAt: '2026-03-10T18:30:00.000Z',
    });
    await post(pastEvent, { memberId: member.id, status: 'attended' }).expect(200);
  });

  it('refuses attended before the event starts, and attendedAt without status attended', async () => {
    const member = await createMember(test);
    const early = await post(futureEvent, { memberId: member.id, status: 'attended' }).expect(422);
    expect(early.body).toMatchObject({
      code: 'EVENT_NOT_STARTED',
      details: [expect.objectContaining({ field: 'status' })],
    });
    const mismatch = await post(pastEvent, {
      memberId: member.id,
      attendedAt: '2026-03-10T18:00:00Z',
    }).expect(400);
    expect(mismatch.body.details[0].field).toBe('attendedAt');
    expect((await list(futureEvent, { memberId: member.id })).total).toBe(0);
    expect((await list(pastEvent, { memberId: member.id })).total).toBe(0);
  });

  it('links guests and attendees by email when they sign up later', async () => {
    const host = await createMember(test);
    const knownGuest = await createMember(test);
    const created = await post(pastEvent, {
      memberId: host.id,
      role: 'host',
      guestEmails: ['Later.Guest@example.com', knownGuest.email],
    }).expect(201);
    expect(created.body.guests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'Later.Guest@example.com', memberId: null }),
        expect.objectContaining({ email: knownGuest.email, memberId: knownGuest.id }),
      ]),
    );
    const walkIn = await post(pastEvent, { email: 'later.walkin@example.com' }).expect(201);
    const guest = await createMember(test, { email: 'later.guest@example.com' });
    const walker = await createMember(test, { email: 'Later.Walkin@example.com' });
    const hostAttendance = (await getOne(pastEvent, created.body.id).expect(200)).body;
    expect(hostAttendance.guests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'Later.Guest@example.com', memberId: guest.id }),
      ]),
    );
    expect((await getOne(pastEvent, walkIn.body.id).expect(200)).body.memberId).toBe(walker.id);
    // Named as a member now, the walk-in is the same attendance.
    const again = await post(pastEvent, { memberId: walker.id }).expect(200);
    expect(again.body.id).toBe(walkIn.body.id);
  });

  it('reports guests who became customers after the event as acquisitions through it', async () => {
    const host = await createMember(test);
    const event = await createEvent(test, { startsAt: '2026-04-01T18:00:00Z' });
    const earlier = await createMember(test);
    await createPurchase(test, { memberId: earlier.id, occurredAt: '2026-03-01T00:00:00Z' });
    const attendance = await post(event, {
      memberId: host.id,
      status: 'attended',
      guestEmails: ['acquired.guest@example.com', earlier.email],
    }).expect(201);
    const guest = await createMember(test, buildMember({ email: 'acquired.guest@example.com' }));
    await createPurchase(test, { memberId: guest.id, occurredAt: '2026-04-03T10:00:00Z' });
    await createPurchase(test, { memberId: guest.id, occurredAt: '2026-05-03T10:00:00Z' });
    const acquisitions = await test.app.get(EventGuestsService).guestAcquisitions();
    const mine = acquisitions.filter((row) => row.eventId === event.id);
    expect(mine).toEqual([
      {
        eventId: event.id,
        eventStartsAt: Date.parse('2026-04-01T18:00:00Z'),
        attendanceId: attendance.body.id,
        broughtByMemberId: host.id,
        guestMemberId: guest.id,
        firstOrderAt: Date.parse('2026-04-03T10:00:00Z'),
      },
    ]);
    const april = await test.app
      .get(EventGuestsService)
      .guestAcquisitions(Date.parse('2026-04-04'), Date.parse('2026-05-01'));
    expect(april.filter((row) => row.eventId === event.id)).toEqual([]);
  });

  it('replaces the guest list, links guests who are members, and refuses the attendee as guest', async () => {
    const host = await createMember(test);
    const friend = await createMember(test);
    const created = await post(pastEvent, {
      memberId: host.id,
      guestMemberIds: [friend.id],
      guestEmails: [friend.email],
    }).expect(201);
    expect(created.body.guests).toEqual([expect.objectContaining({ memberId: friend.id })]);
    const replaced = await patch(pastEvent, created.body.id, {
      guestEmails: ['someone.new@example.com'],
    }).expect(200);
    expect(replaced.body.guests).toEqual([
      expect.objectContaining({ memberId: null, email: 'someone.new@example.com' }),
    ]);
    const self = await patch(pastEvent, created.body.id, { guestMemberIds: [host.id] }).expect(422);
    expect(self.body.details[0]).toMatchObject({
      field: 'guestMemberIds',
      code: 'guestIsAttendee',
    });
    const unknown = await patch(pastEvent, created.body.id, {
      guestMemberIds: ['00000000-0000-4000-8000-000000000999'],
    }).expect(422);
    expect(unknown.body.details[0].field).toBe('guestMemberIds');
    // Sent again with the same guests: unchanged; with others: updated.
    const again = await post(pastEvent, {
      memberId: host.id,
      guestEmails: ['SOMEONE.new@example.com'],
    }).expect(200);
    expect(again.body.guests).toHaveLength(1);
    expect(again.body.updatedAt).toBe(replaced.body.updatedAt);
  });

  it('lists by role and status, reads one only under its event, deletes', async () => {
    const event = await createEvent(test, { startsAt: '2026-02-01T10:00:00Z' });
    const speaker = await createMember(test);
    const created = await post(event, { memberId: speaker.id, role: 'speaker' }).expect(201);
    await post(event, { email: 'x1@example.com', status: 'attended' }).expect(201);
    await post(event, { email: 'x2@example.com', status: 'no-show' }).expect(201);
    expect((await list(event)).total).toBe(3);
    expect((await list(event, { role: 'speaker' })).items.map((item) => item.id)).toEqual([
      created.body.id,
    ]);
    expect((await list(event, { status: 'no-show' })).total).toBe(1);
    const page = await list(event, { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect((await list(event, { cursor: page.nextCursor })).items).toHaveLength(1);
    await getOne(pastEvent, created.body.id).expect(404);
    await test
      .http()
      .delete(`${attendancePath(event)}/${created.body.id}`)
      .set('Authorization', test.keys.manager)
      .expect(204);
    await getOne(event, created.body.id).expect(404);
    expect((await list(event)).total).toBe(2);
  });

  describe('bad input gets a 4xx naming the field and stores nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['wrong role', { role: 'organiser' }, 'role'],
      ['wrong status', { status: 'maybe' }, 'status'],
      ['malformed email', { memberId: undefined, email: 'not-an-email' }, 'email'],
      ['malformed guest email', { guestEmails: ['ok@example.com', 'nope'] }, 'guestEmails'],
      ['guests not a list', { guestEmails: 'a@example.com' }, 'guestEmails'],
      ['registration in the future', { registeredAt: '2099-01-01T00:00:00Z' }, 'registeredAt'],
      ['attendance in the future', { status: 'attended', attendedAt: '2099-01-01' }, 'attendedAt'],
      ['member and email', { email: 'both@example.com' }, 'email'],
      ['no person', { memberId: undefined }, 'memberId'],
      ['unknown member', { memberId: '00000000-0000-4000-8000-000000000000' }, 'memberId'],
      ['unknown field', { eventId: 'x' }, 'eventId'],
    ];
    it.each(cases)('%s', async (_label, override, field) => {
      const member = await createMember(test);
      const before = (await list(pastEvent)).total;
      const response = await post(pastEvent, { memberId: member.id, ...override });
      expect([400, 422]).toContain(response.status);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
        field,
      );
      expect((await list(pastEvent)).total).toBe(before);
    });

    it('a path id that is not a UUID', async () => {
      const response = await test
        .http()
        .get('/api/v1/events/nope/attendance')
        .set('Authorization', test.keys.viewer)
        .expect(400);
      expect(response.body.details[0].field).toBe('id');
    });
  });

  it('imports attendance naming the event by eventExternalId, idempotently', async () => {
    const event = await createEvent(test, {
      externalId: 'import-event',
      startsAt: '2026-06-01T18:00:00Z',
    });
    const member = await createMember(test);
    const csv = [
      'eventExternalId,memberEmail,email,role,status,guestEmails',
      `import-event,${member.email},,host,attended,g1@example.com|g2@example.com`,
      'import-event,,newbie@example.com,attendee,registered,',
      'no-such-event,,other@example.com,attendee,registered,',
      'import-event,,bad@example.com,keynote,registered,',
    ].join('\r\n');
    const run = () =>
      test
        .http()
        .post('/api/v1/import/attendance')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200);
    const first = (await run()).body;
    expect(first).toMatchObject({ created: 2, unchanged: 0, refused: 2 });
    expect(first.errors).toEqual([
      expect.objectContaining({
        line: 4,
        details: [expect.objectContaining({ field: 'eventExternalId', code: 'unknownReference' })],
      }),
      expect.objectContaining({
        line: 5,
        details: [expect.objectContaining({ field: 'role' })],
      }),
    ]);
    expect((await run()).body).toMatchObject({ created: 0, unchanged: 2, refused: 2 });
    const stored = await list(event, { memberId: member.id });
    expect(stored.items[0]).toMatchObject({ role: 'host', status: 'attended' });
    expect(stored.items[0].guests.map((guest: any) => guest.email).sort()).toEqual([
      'g1@example.com',
      'g2@example.com',
    ]);
    expect((await list(event)).total).toBe(2);
  });
});
