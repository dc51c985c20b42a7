import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull } from 'typeorm';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { readRows } from '../database/sql';
import { Purchase } from '../purchases/purchase.entity';
import { Attendance } from './attendance.entity';
import { ListAttendanceQuery } from './dto/list-attendance.query';
import { EventGuest } from './event-guest.entity';
import type { GuestAcquisition } from './event-guests.service';
import { CommunityEvent } from './event.entity';
import { RecordRepository } from '../database/record-repository';

/**
 * The queries of attendance and its guests. Each method is one query; `manager` is the
 * transaction the service runs, the data source's own manager otherwise.
 */
@Injectable()
export class AttendanceRepository extends RecordRepository<Attendance> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, Attendance);
  }

  findInEvent(
    eventId: string,
    attendanceId: string,
    manager = this.dataSource.manager,
  ): Promise<Attendance | null> {
    return manager.getRepository(Attendance).findOneBy({ id: attendanceId, eventId });
  }

  findByExternalId(
    externalId: string,
    manager = this.dataSource.manager,
  ): Promise<Attendance | null> {
    return manager.getRepository(Attendance).findOneBy({ externalId });
  }

  /**
   * The member's attendance at the event, or one recorded under their email before they were
   * a member (`emailNormalized`, when they have one).
   */
  findByMemberAtEvent(
    eventId: string,
    memberId: string,
    emailNormalized: string | null,
    manager = this.dataSource.manager,
  ): Promise<Attendance | null> {
    return manager
      .getRepository(Attendance)
      .createQueryBuilder('attendance')
      .where('attendance.event_id = :eventId', { eventId })
      .andWhere(
        new Brackets((where) => {
          where.where('attendance.member_id = :memberId', { memberId });
          if (emailNormalized)
            where.orWhere(
              '(attendance.member_id IS NULL AND attendance.email_normalized = :email)',
              { email: emailNormalized },
            );
        }),
      )
      .getOne();
  }

  /** The attendance of someone who is not a member, by email. */
  findByEmailAtEvent(
    eventId: string,
    emailNormalized: string,
    manager = this.dataSource.manager,
  ): Promise<Attendance | null> {
    return manager
      .getRepository(Attendance)
      .findOneBy({ eventId, emailNormalized, memberId: IsNull() });
  }

  findPage(eventId: string, query: ListAttendanceQuery): Promise<Page<Attendance>> {
    const builder = this.dataSource
      .getRepository(Attendance)
      .createQueryBuilder('attendance')
      .where('attendance.event_id = :eventId', { eventId });
    if (query.role) builder.andWhere('attendance.role = :role', { role: query.role });
    if (query.status) builder.andWhere('attendance.status = :status', { status: query.status });
    if (query.memberId)
      builder.andWhere('attendance.member_id = :memberId', {
        memberId: query.memberId.toLowerCase(),
      });
    return keysetPage(builder, {
      sortColumn: 'attendance.registered_at',
      idColumn: 'attendance.id',
      sortValue: (attendance) => attendance.registeredAt,
      rowId: (attendance) => attendance.id,
      order: query.order === 'desc' ? 'DESC' : 'ASC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** The guests of these attendances, oldest first. */
  findGuestsOf(attendanceIds: string[], manager = this.dataSource.manager): Promise<EventGuest[]> {
    if (!attendanceIds.length) return Promise.resolve([]);
    return manager.getRepository(EventGuest).find({
      where: { attendanceId: In(attendanceIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insertGuests(guests: EventGuest[], manager = this.dataSource.manager): Promise<void> {
    if (guests.length) await manager.insert(EventGuest, guests);
  }

  async deleteGuests(ids: string[], manager = this.dataSource.manager): Promise<void> {
    if (ids.length) await manager.delete(EventGuest, { id: In(ids) });
  }

  async deleteGuestsOf(attendanceId: string, manager = this.dataSource.manager): Promise<void> {
    await manager.delete(EventGuest, { attendanceId });
  }

  /**
   * Guests whose first order came at or after the event that brought them, with who brought
   * them; no-show attendance brought nobody. `from`/`to` bound the first order (inclusive,
   * exclusive).
   */
  async findGuestAcquisitions(from?: number, to?: number): Promise<GuestAcquisition[]> {
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
}
