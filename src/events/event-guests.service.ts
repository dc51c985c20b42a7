import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, unknownReference } from '../common/errors/domain-error';
import { readRows } from '../database/sql';
import { Member } from '../members/member.entity';
import { normalizeEmail } from '../members/normalize';
import { Purchase } from '../purchases/purchase.entity';
import { Attendance } from './attendance.entity';
import { Attendee, followMerges } from './attendee';
import { EventGuest } from './event-guest.entity';
import { CommunityEvent } from './event.entity';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The guest list a request names, or undefined when it names none (the old list stays). */
  async resolve(
    manager: EntityManager,
    input: { guestMemberIds?: string[] | null; guestEmails?: string[] | null },
    attendee: Attendee,
  ): Promise<GuestSpec[] | undefined> {
    if (input.guestMemberIds == null && input.guestEmails == null) return undefined;
    const guests = new Map<string, GuestSpec>();
    const ids = [...new Set((input.guestMemberIds ?? []).map((id) => id.toLowerCase()))];
    const found = ids.length ? await manager.getRepository(Member).findBy({ id: In(ids) }) : [];
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
      const owner = await manager.getRepository(Member).findOneBy({ emailNormalized: normalized });
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
    const existing = await manager
      .getRepository(EventGuest)
      .findBy({ attendanceId: attendance.id });
    const wanted = new Set(guests.map(guestKey));
    const kept = new Set(existing.map(guestKey));
    const removed = existing.filter((guest) => !wanted.has(guestKey(guest)));
    const added = guests.filter((guest) => !kept.has(guestKey(guest)));
    if (removed.length)
      await manager.delete(EventGuest, { id: In(removed.map((guest) => guest.id)) });
    const now = Date.now();
    if (added.length) {
      await manager.insert(
        EventGuest,
        added.map((guest) => ({
          id: randomUUID(),
          attendanceId: attendance.id,
          eventId: attendance.eventId,
          ...guest,
          createdAt: now,
        })),
      );
    }
    return removed.length > 0 || added.length > 0;
  }

  async listFor(
    attendanceIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, EventGuest[]>> {
    const byAttendance = new Map<string, EventGuest[]>(attendanceIds.map((id) => [id, []]));
    if (!attendanceIds.length) return byAttendance;
    const guests = await manager.getRepository(EventGuest).find({
      where: { attendanceId: In(attendanceIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const guest of guests) byAttendance.get(guest.attendanceId)?.push(guest);
    return byAttendance;
  }

  /**
   * Guests who placed their first order at or after the event that brought them, with who
   * brought them. Attendance marked no-show brought nobody. `from`/`to` bound the first order
   * (inclusive, exclusive). A guest brought to several events appears once per event; the value
   * engine picks which one counts.
   */
  async guestAcquisitions(from?: number, to?: number): Promise<GuestAcquisition[]> {
    const builder = this.dataSource
      .createQueryBuilder()
      .select('guest.event_id', 'eventId')
      .addSelect('event.starts_at', 'eventStartsAt')
      .addSelect('guest.attendance_id', 'attendanceId')
      .addSelect('attendance.member_id', 'broughtByMemberId')
      .addSelect('guest.guest_member_id', 'guestMemberId')
      .addSelect('first_order.first_order_at', 'firstOrderAt')
      .from(EventGuest, 'guest')
      .innerJoin(CommunityEvent, 'event', 'event.id = guest.event_id')
      .innerJoin(Attendance, 'attendance', 'attendance.id = guest.attendance_id')
      .innerJoin(
        (subquery) =>
          subquery
            .select('purchase.member_id', 'member_id')
            .addSelect('MIN(purchase.occurred_at)', 'first_order_at')
            .from(Purchase, 'purchase')
            .where("purchase.kind = 'order'")
            .groupBy('purchase.member_id'),
        'first_order',
        'first_order.member_id = guest.guest_member_id',
      )
      .where('first_order.first_order_at >= event.starts_at')
      .andWhere("attendance.status <> 'no-show'")
      .andWhere('(attendance.member_id IS NULL OR attendance.member_id <> guest.guest_member_id)');
    if (from !== undefined) builder.andWhere('first_order.first_order_at >= :from', { from });
    if (to !== undefined) builder.andWhere('first_order.first_order_at < :to', { to });
    const rows = await builder
      .orderBy('first_order.first_order_at', 'ASC')
      .addOrderBy('guest.id', 'ASC')
      .getRawMany<Record<keyof GuestAcquisition, unknown>>();
    return readRows(rows).map((row) => ({
      eventId: row.string('eventId'),
      eventStartsAt: row.instant('eventStartsAt'),
      attendanceId: row.string('attendanceId'),
      broughtByMemberId: row.stringOrNull('broughtByMemberId'),
      guestMemberId: row.string('guestMemberId'),
      firstOrderAt: row.instant('firstOrderAt'),
    }));
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
