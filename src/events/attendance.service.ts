import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, notFound } from '../common/errors/domain-error';
import { fieldProblemError, isFieldProblem } from '../common/errors/field-problem';
import { Page } from '../common/pagination/cursor';
import { isUniqueViolation } from '../database/sql';
import { MembersRepository } from '../members/members.repository';
import { WriteOutcome } from '../members/members.service';
import { AttendanceState, applyAttendanceStatus } from './attendance-status';
import { Attendance, AttendanceStatus } from './attendance.entity';
import { AttendanceRepository } from './attendance.repository';
import { Attendee, resolveAttendee } from './attendee';
import { AttendanceChangesDto } from './dto/attendance-changes.dto';
import { CreateAttendanceDto } from './dto/create-attendance.dto';
import { ListAttendanceQuery } from './dto/list-attendance.query';
import { EventGuest } from './event-guest.entity';
import { EventGuestsService } from './event-guests.service';
import { CommunityEvent } from './event.entity';
import { EventsService } from './events.service';
import { EventsErrorCode } from './events-error-code';

export interface AttendanceWithGuests {
  attendance: Attendance;
  guests: EventGuest[];
}

@Injectable()
export class AttendanceService {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly members: MembersRepository,
    private readonly events: EventsService,
    private readonly guests: EventGuestsService,
  ) {}

  /**
   * Records one person at an event, idempotent on externalId or (event, member or email):
   * the same again is unchanged; a new status, its dates or another guest list is updated;
   * another role or person is a 409.
   */
  async record(
    eventId: string,
    input: CreateAttendanceDto,
    manager?: EntityManager,
  ): Promise<AttendanceWithGuests & { outcome: WriteOutcome }> {
    if (!manager)
      return this.attendance.transaction((transaction) => this.record(eventId, input, transaction));
    return this.recordAt(manager, await this.events.get(eventId, manager), input);
  }

  async recordAt(
    manager: EntityManager,
    event: CommunityEvent,
    input: CreateAttendanceDto,
  ): Promise<AttendanceWithGuests & { outcome: WriteOutcome }> {
    const attendee = await resolveAttendee(manager, input);
    const { existing, byExternalId } = await this.findExisting(
      manager,
      event.id,
      attendee,
      input.externalId,
    );
    const guests = await this.guests.resolve(manager, input, attendee);
    const now = Date.now();
    if (!existing) {
      const attendance = Object.assign(new Attendance(), {
        id: newRecordId(),
        externalId: input.externalId ?? null,
        eventId: event.id,
        ...attendee,
        role: input.role ?? 'attendee',
        ...this.nextState(null, input, event, now),
        createdAt: now,
        updatedAt: now,
      });
      try {
        await this.attendance.insert(attendance, manager);
      } catch (error) {
        if (isUniqueViolation(error))
          throw this.exists(input.externalId ? 'externalId' : 'memberId');
        throw error;
      }
      await this.guests.replace(manager, attendance, guests ?? []);
      return { attendance, guests: await this.guestsOf(manager, attendance), outcome: 'created' };
    }
    if (byExternalId && existing.eventId !== event.id) throw this.exists('eventId');
    if (byExternalId && !this.samePerson(existing, attendee)) throw this.exists('memberId');
    if (input.role != null && input.role !== existing.role) throw this.exists('role');
    const state = this.nextState(existing, input, event, now);
    const changes: Partial<Attendance> = Object.fromEntries(
      Object.entries(state).filter(
        ([field, value]) => existing[field as keyof Attendance] !== value,
      ),
    );
    if (input.externalId && !existing.externalId) changes.externalId = input.externalId;
    // Recorded by email before the member existed under it: link it now.
    if (attendee.memberId && !existing.memberId) changes.memberId = attendee.memberId;
    const guestsChanged = guests ? await this.guests.replace(manager, existing, guests) : false;
    const changed = Object.keys(changes).length > 0 || guestsChanged;
    if (changed) await this.attendance.update(existing.id, { ...changes, updatedAt: now }, manager);
    const attendance = changed
      ? (await this.attendance.findInEvent(existing.eventId, existing.id, manager))!
      : existing;
    return {
      attendance,
      guests: await this.guestsOf(manager, attendance),
      outcome: changed ? 'updated' : 'unchanged',
    };
  }

  async get(eventId: string, attendanceId: string): Promise<AttendanceWithGuests> {
    const attendance = await this.find(undefined, eventId, attendanceId);
    return { attendance, guests: await this.guestsOf(undefined, attendance) };
  }

  async list(eventId: string, query: ListAttendanceQuery): Promise<Page<AttendanceWithGuests>> {
    await this.events.get(eventId);
    const page = await this.attendance.findPage(eventId, query);
    const guests = await this.guests.listFor(page.items.map((attendance) => attendance.id));
    return {
      ...page,
      items: page.items.map((attendance) => ({
        attendance,
        guests: guests.get(attendance.id) ?? [],
      })),
    };
  }

  /** Role, status (dated) and guests; a field left out keeps its value. */
  async update(
    eventId: string,
    attendanceId: string,
    input: AttendanceChangesDto,
  ): Promise<AttendanceWithGuests> {
    return this.attendance.transaction(async (manager) => {
      const existing = await this.find(manager, eventId, attendanceId);
      const event = await this.events.get(eventId, manager);
      const now = Date.now();
      const state = this.nextState(existing, input, event, now);
      const guests = await this.guests.resolve(manager, input, existing);
      await this.attendance.update(
        existing.id,
        { ...state, role: input.role ?? existing.role, updatedAt: now },
        manager,
      );
      if (guests) await this.guests.replace(manager, existing, guests);
      const attendance = (await this.attendance.findInEvent(eventId, existing.id, manager))!;
      return { attendance, guests: await this.guestsOf(manager, attendance) };
    });
  }

  async remove(eventId: string, attendanceId: string): Promise<void> {
    await this.attendance.transaction(async (manager) => {
      const attendance = await this.find(manager, eventId, attendanceId);
      await this.attendance.deleteGuestsOf(attendance.id, manager);
      await this.attendance.delete(attendance.id, manager);
    });
  }

  private async find(
    manager: EntityManager | undefined,
    eventId: string,
    attendanceId: string,
  ): Promise<Attendance> {
    await this.events.get(eventId, manager);
    const attendance = await this.attendance.findInEvent(eventId, attendanceId, manager);
    if (!attendance)
      throw notFound(EventsErrorCode.ATTENDANCE_NOT_FOUND, 'attendanceId', attendanceId);
    return attendance;
  }

  private nextState(
    previous: AttendanceState | null,
    input: AttendanceChangesDto,
    event: CommunityEvent,
    now: number,
  ): AttendanceState {
    const target: AttendanceStatus = input.status ?? previous?.status ?? 'registered';
    const state = applyAttendanceStatus(
      previous,
      target,
      {
        registeredAt: parseIsoInstant(input.registeredAt),
        attendedAt: parseIsoInstant(input.attendedAt),
        noShowAt: parseIsoInstant(input.noShowAt),
      },
      event,
      now,
    );
    if (isFieldProblem(state)) throw fieldProblemError(state);
    return state;
  }

  /** By externalId first; else by (event, member), which also finds the member's email from before they joined. */
  private async findExisting(
    manager: EntityManager,
    eventId: string,
    attendee: Attendee,
    externalId: string | undefined,
  ): Promise<{ existing: Attendance | null; byExternalId: boolean }> {
    if (externalId) {
      const byExternalId = await this.attendance.findByExternalId(externalId, manager);
      if (byExternalId) return { existing: byExternalId, byExternalId: true };
    }
    let existing: Attendance | null;
    if (attendee.memberId) {
      const member = await this.members.findRowById(attendee.memberId, manager);
      existing = await this.attendance.findByMemberAtEvent(
        eventId,
        attendee.memberId,
        member?.emailNormalized ?? null,
        manager,
      );
    } else {
      existing = await this.attendance.findByEmailAtEvent(
        eventId,
        attendee.emailNormalized!,
        manager,
      );
    }
    if (existing?.externalId && externalId && existing.externalId !== externalId)
      throw this.exists('externalId');
    return { existing, byExternalId: false };
  }

  private samePerson(existing: Attendance, attendee: Attendee): boolean {
    return (
      (attendee.memberId !== null && existing.memberId === attendee.memberId) ||
      (attendee.emailNormalized !== null && existing.emailNormalized === attendee.emailNormalized)
    );
  }

  private async guestsOf(
    manager: EntityManager | undefined,
    attendance: Attendance,
  ): Promise<EventGuest[]> {
    return (await this.guests.listFor([attendance.id], manager)).get(attendance.id) ?? [];
  }

  private exists(field: string) {
    return conflict(
      EventsErrorCode.ATTENDANCE_EXISTS,
      field === 'externalId' || field === 'eventId'
        ? 'an attendance with this externalId exists with other content'
        : 'this person already has an attendance at this event with other content',
      field,
    );
  }
}
