import { In } from 'typeorm';
import { TimelineSource } from '../members/timeline-sources';
import { Attendance } from './attendance.entity';
import { AttendanceResponseDto } from './dto/attendance-response.dto';
import { EventGuest } from './event-guest.entity';
import { CommunityEvent } from './event.entity';

/** Attendance on a member's timeline, dated by its latest step, with the event's name and guests. */
export const attendanceTimelineSource: TimelineSource<Attendance> = {
  type: 'attendance',
  entity: Attendance,
  alias: 'attendance',
  memberColumn: 'attendance.member_id',
  occurredColumn:
    'COALESCE(attendance.attended_at, attendance.no_show_at, attendance.registered_at)',
  occurredAt: (attendance) =>
    attendance.attendedAt ?? attendance.noShowAt ?? attendance.registeredAt,
  describe: async (rows, manager, words) => {
    const [events, guests] = await Promise.all([
      manager.findBy(CommunityEvent, { id: In([...new Set(rows.map((row) => row.eventId))]) }),
      manager.find(EventGuest, {
        where: { attendanceId: In(rows.map((row) => row.id)) },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const names = new Map(events.map((event) => [event.id, event.name]));
    return rows.map((attendance) => ({
      summary: words.attendance(
        attendance.status,
        names.get(attendance.eventId) ?? attendance.eventId,
        attendance.role,
      ),
      record: AttendanceResponseDto.from(
        attendance,
        guests.filter((guest) => guest.attendanceId === attendance.id),
      ),
    }));
  },
};
