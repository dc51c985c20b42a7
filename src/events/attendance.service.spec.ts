import { AppSecretsService } from '../database/app-secrets.service';
import { ErasureTombstones } from '../members/erasure-tombstones';
import { DataSource } from 'typeorm';
import { buildEvent, buildMember } from '../../test/support/factories';
import { createInMemoryDataSource, testSettings } from '../../test/support/in-memory-database';
import { CurrencyConverter } from '../config/currency-converter.service';
import { CreateMemberDto } from '../members/dto/create-member.dto';
import { Member } from '../members/member.entity';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import { Attendance } from './attendance.entity';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { CreateAttendanceDto } from './dto/create-attendance.dto';
import { CreateEventDto } from './dto/event-fields';
import { CommunityEvent } from './event.entity';
import { EventGuestsService } from './event-guests.service';
import { EventsService } from './events.service';

describe('AttendanceService on an in-memory database', () => {
  let dataSource: DataSource;
  let repository: AttendanceRepository;
  let members: MembersService;
  let events: EventsService;
  let attendance: AttendanceService;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
    const memberRows = new MembersRepository(dataSource);
    repository = new AttendanceRepository(dataSource);
    members = new MembersService(
      memberRows,
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
    events = new EventsService(dataSource, new CurrencyConverter(testSettings()));
    attendance = new AttendanceService(
      repository,
      memberRows,
      events,
      new EventGuestsService(repository, memberRows),
    );
  });
  afterAll(() => dataSource.destroy());

  const newMember = async (overrides: Partial<CreateMemberDto> = {}) =>
    (await members.create(buildMember(overrides) as CreateMemberDto)).member;
  const newEvent = async (): Promise<CommunityEvent> =>
    (await events.create(buildEvent() as unknown as CreateEventDto)).event;
  const record = (event: CommunityEvent, input: Partial<CreateAttendanceDto>) =>
    attendance.record(event.id, input as CreateAttendanceDto);
  const rowsAt = (event: CommunityEvent) =>
    dataSource.getRepository(Attendance).findBy({ eventId: event.id });

  describe('natural key (event, member or email)', () => {
    it('records a member once per event: the same again is unchanged, another event is another row', async () => {
      const [meetup, workshop, ada] = [await newEvent(), await newEvent(), await newMember()];
      const first = await record(meetup, { memberId: ada.id });
      const again = await record(meetup, { memberExternalId: ada.externalId! });
      const elsewhere = await record(workshop, { memberId: ada.id });
      expect(first).toMatchObject({
        outcome: 'created',
        attendance: { role: 'attendee', status: 'registered', memberId: ada.id },
      });
      expect(again).toMatchObject({
        outcome: 'unchanged',
        attendance: { id: first.attendance.id },
      });
      expect(elsewhere.outcome).toBe('created');
      expect(await rowsAt(meetup)).toHaveLength(1);
    });

    it('updates a later status with its date, refuses another role as a 409 on role', async () => {
      const [meetup, ada] = [await newEvent(), await newMember()];
      await record(meetup, { memberId: ada.id });
      const attended = await record(meetup, {
        memberId: ada.id,
        status: 'attended',
        attendedAt: '2026-01-10T18:30:00Z',
      });
      expect(attended).toMatchObject({
        outcome: 'updated',
        attendance: { status: 'attended', attendedAt: Date.parse('2026-01-10T18:30:00Z') },
      });
      await expect(record(meetup, { memberId: ada.id, role: 'speaker' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'ATTENDANCE_EXISTS',
        details: [{ field: 'role' }],
      });
    });

    it('keys someone who is not a member by email, ignoring case', async () => {
      const meetup = await newEvent();
      const email = `guest-${Date.now()}@example.org`;
      const first = await record(meetup, { email });
      const again = await record(meetup, { email: email.toUpperCase() });
      expect(first.attendance).toMatchObject({ memberId: null, emailNormalized: email });
      expect(again).toMatchObject({
        outcome: 'unchanged',
        attendance: { id: first.attendance.id },
      });
    });

    it('finds the attendance recorded by email when its owner comes back as a member, and links it', async () => {
      const meetup = await newEvent();
      const email = `joins-later-${Date.now()}@example.org`;
      const byEmail = await record(meetup, { email });
      const member = await newMember({ email });
      const byMember = await record(meetup, { memberId: member.id });
      expect(byMember).toMatchObject({
        outcome: 'updated',
        attendance: { id: byEmail.attendance.id, memberId: member.id },
      });
      expect(await rowsAt(meetup)).toHaveLength(1);
    });
  });

  describe('externalId', () => {
    it('is unchanged again; refuses it at another event, for another person, or beside another externalId', async () => {
      const [meetup, workshop] = [await newEvent(), await newEvent()];
      const [ada, grace] = [await newMember(), await newMember()];
      const externalId = `att-${Date.now()}`;
      await record(meetup, { externalId, memberId: ada.id });
      expect((await record(meetup, { externalId, memberId: ada.id })).outcome).toBe('unchanged');
      await expect(record(workshop, { externalId, memberId: ada.id })).rejects.toMatchObject({
        details: [{ field: 'eventId' }],
      });
      await expect(record(meetup, { externalId, memberId: grace.id })).rejects.toMatchObject({
        details: [{ field: 'memberId' }],
      });
      await expect(
        record(meetup, { externalId: `${externalId}-other`, memberId: ada.id }),
      ).rejects.toMatchObject({ code: 'ATTENDANCE_EXISTS', details: [{ field: 'externalId' }] });
    });
  });

  // One SQLite connection runs one transaction at a time, so the race is staged on the caller's
  // (non-transactional) manager: the other writer stores the same person after the lookup.
  it('two writes of one person racing: the unique (event, member) index keeps one, the other is a 409', async () => {
    const [meetup, ada] = [await newEvent(), await newMember()];
    jest.spyOn(repository, 'findByMemberAtEvent').mockImplementationOnce(async () => {
      await record(meetup, { memberId: ada.id });
      return null;
    });
    await expect(
      attendance.record(meetup.id, { memberId: ada.id } as CreateAttendanceDto, dataSource.manager),
    ).rejects.toMatchObject({ code: 'ATTENDANCE_EXISTS', details: [{ field: 'memberId' }] });
    expect(await rowsAt(meetup)).toHaveLength(1);
  });

  describe('guests', () => {
    const guestKeys = (
      guests: { guestMemberId: string | null; guestEmailNormalized: string | null }[],
    ) => guests.map((guest) => guest.guestMemberId ?? guest.guestEmailNormalized).sort();

    it('stores a member named twice (by id and by email) once, beside an email guest', async () => {
      const [meetup, ada, grace] = [await newEvent(), await newMember(), await newMember()];
      const friend = `friend-${Date.now()}@example.org`;
      const { guests } = await record(meetup, {
        memberId: ada.id,
        guestMemberIds: [grace.id],
        guestEmails: [grace.email!.toUpperCase(), friend],
      });
      expect(guestKeys(guests)).toEqual([friend, grace.id].sort());
    });

    it('updates when the list changes, is unchanged when it does not, keeps it when left out', async () => {
      const [meetup, ada, grace, alan] = [
        await newEvent(),
        await newMember(),
        await newMember(),
        await newMember(),
      ];
      await record(meetup, { memberId: ada.id, guestMemberIds: [grace.id] });
      const same = await record(meetup, { memberId: ada.id, guestMemberIds: [grace.id] });
      const replaced = await record(meetup, { memberId: ada.id, guestMemberIds: [alan.id] });
      const omitted = await record(meetup, { memberId: ada.id });
      expect(same.outcome).toBe('unchanged');
      expect(replaced.outcome).toBe('updated');
      expect(guestKeys(replaced.guests)).toEqual([alan.id]);
      expect(omitted).toMatchObject({ outcome: 'unchanged' });
      expect(guestKeys(omitted.guests)).toEqual([alan.id]);
    });

    it('refuses the attendee as their own guest and a guest who is not a member', async () => {
      const [meetup, ada] = [await newEvent(), await newMember()];
      await expect(
        record(meetup, { memberId: ada.id, guestEmails: [ada.email!] }),
      ).rejects.toMatchObject({ code: 'GUEST_IS_ATTENDEE', details: [{ field: 'guestEmails' }] });
      await expect(
        record(meetup, {
          memberId: ada.id,
          guestMemberIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      ).rejects.toMatchObject({ code: 'UNKNOWN_MEMBER', details: [{ field: 'guestMemberIds' }] });
      expect(await rowsAt(meetup)).toHaveLength(0);
    });

    it('a guest who was merged stands for the survivor', async () => {
      const [meetup, ada, survivor, pointer] = [
        await newEvent(),
        await newMember(),
        await newMember(),
        await newMember(),
      ];
      await dataSource
        .getRepository(Member)
        .update({ id: pointer.id }, { mergedIntoId: survivor.id });
      const { guests } = await record(meetup, { memberId: ada.id, guestMemberIds: [pointer.id] });
      expect(guestKeys(guests)).toEqual([survivor.id]);
    });
  });

  it('removes an attendance with its guests', async () => {
    const [meetup, ada, grace] = [await newEvent(), await newMember(), await newMember()];
    const { attendance: stored } = await record(meetup, {
      memberId: ada.id,
      guestMemberIds: [grace.id],
    });
    await attendance.remove(meetup.id, stored.id);
    expect(await rowsAt(meetup)).toHaveLength(0);
    expect(await repository.findGuestsOf([stored.id])).toHaveLength(0);
    await expect(attendance.get(meetup.id, stored.id)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
