import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, unknownReference } from '../common/errors/domain-error';
import { MembersRepository } from '../members/members.repository';
import { normalizeEmail } from '../members/normalize';
import { Attendance } from './attendance.entity';
import { AttendanceRepository } from './attendance.repository';
import { Attendee, followMerges } from './attendee';
import { EventGuest } from './event-guest.entity';
import { EventsErrorCode } from './events-error-code';
import { MembersErrorCode } from '../members/members-error-code';

export type GuestSpec = Pick<EventGuest, 'guestMemberId' | 'guestEmail' | 'guestEmailNormalized'>;

/** A guest who became a customer after the event that brought them: raw material for the value engine. */
export interface GuestAcquisition {
  eventId: string;
  eventStartsAt: number;
  attendanceId: string;
  /** The member who brought the guest; null while that attendee is not a member. */
  broughtByMemberId: string | null;
  guestMemberId: string;
  firstOrderAt: number;
}

const guestKey = (guest: GuestSpec) => guest.guestMemberId ?? `email:${guest.guestEmailNormalized}`;

@Injectable()
export class EventGuestsService {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly members: MembersRepository,
  ) {}

  /** The guest list a request names, or undefined when it names none (the old list stays). */
  async resolve(
    manager: EntityManager,
    input: { guestMemberIds?: string[] | null; guestEmails?: string[] | null },
    attendee: Attendee,
  ): Promise<GuestSpec[] | undefined> {
    if (input.guestMemberIds == null && input.guestEmails == null) return undefined;
    const guests = new Map<string, GuestSpec>();
    const ids = [...new Set((input.guestMemberIds ?? []).map((id) => id.toLowerCase()))];
    const found = await this.members.findRowsByIds(ids, manager);
    for (const id of ids) {
      const member = found.find((candidate) => candidate.id === id);
      if (!member) throw unknownReference(MembersErrorCode.UNKNOWN_MEMBER, 'guestMemberIds', id);
      const guest = await followMerges(manager, member);
      this.refuseAttendee(attendee, guest.id, null, 'guestMemberIds');
      guests.set(guest.id, {
        guestMemberId: guest.id,
        guestEmail: null,
        guestEmailNormalized: null,
      });
    }
    for (const email of input.guestEmails ?? []) {
      const normalized = normalizeEmail(email);
      const owner = await this.members.findByEmail(normalized, manager);
      const member = owner ? await followMerges(manager, owner) : null;
      this.refuseAttendee(attendee, member?.id ?? null, normalized, 'guestEmails');
      const spec = {
        guestMemberId: member?.id ?? null,
        guestEmail: email.trim(),
        guestEmailNormalized: normalized,
      };
      if (!guests.has(guestKey(spec))) guests.set(guestKey(spec), spec);
    }
    return [...guests.values()];
  }

  /** Makes the attendance's guests these; returns whether anything changed. */
  async replace(
    manager: EntityManager,
    attendance: Attendance,
    guests: GuestSpec[],
  ): Promise<boolean> {
    const existing = await this.attendance.findGuestsOf([attendance.id], manager);
    const wanted = new Set(guests.map(guestKey));
    const kept = new Set(existing.map(guestKey));
    const removed = existing.filter((guest) => !wanted.has(guestKey(guest)));
    const added = guests.filter((guest) => !kept.has(guestKey(guest)));
    await this.attendance.deleteGuests(
      removed.map((guest) => guest.id),
      manager,
    );
    const now = Date.now();
    await this.attendance.insertGuests(
      added.map((guest) =>
        Object.assign(new EventGuest(), {
          id: newRecordId(),
          attendanceId: attendance.id,
          eventId: attendance.eventId,
          ...guest,
          createdAt: now,
        }),
      ),
      manager,
    );
    return removed.length > 0 || added.length > 0;
  }

  async listFor(
    attendanceIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, EventGuest[]>> {
    const byAttendance = new Map<string, EventGuest[]>(attendanceIds.map((id) => [id, []]));
    const guests = await this.attendance.findGuestsOf(attendanceIds, manager);
    for (const guest of guests) byAttendance.get(guest.attendanceId)?.push(guest);
    return byAttendance;
  }

  /**
   * Guests who placed their first order at or after the event that brought them, with who
   * brought them. Attendance marked no-show brought nobody. `from`/`to` bound the first order
   * (inclusive, exclusive). A guest brought to several events appears once per event; the value
   * engine picks which one counts.
   */
  guestAcquisitions(from?: number, to?: number): Promise<GuestAcquisition[]> {
    return this.attendance.findGuestAcquisitions(from, to);
  }

  private refuseAttendee(
    attendee: Attendee,
    memberId: string | null,
    emailNormalized: string | null,
    field: string,
  ): void {
    const same =
      (memberId !== null && memberId === attendee.memberId) ||
      (emailNormalized !== null && emailNormalized === attendee.emailNormalized);
    if (!same) return;
    throw new DomainError(
      'unprocessable',
      EventsErrorCode.GUEST_IS_ATTENDEE,
      `${field} names the attendee`,
      [{ field, reason: 'names the attendee themself', code: 'guestIsAttendee' }],
    );
  }
}
