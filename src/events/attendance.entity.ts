import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export const ATTENDANCE_ROLES = ['attendee', 'speaker', 'host', 'volunteer'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];

export const ATTENDANCE_STATUSES = ['registered', 'attended', 'no-show'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * One person at one event: a member, or an email not yet a member (linked when that member
 * is created). (event, member) and (event, email) are unique.
 */
@Entity('event_attendance')
export class Attendance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  memberId!: string | null;

  /** Only for a person who was not a member when recorded; kept after they are linked. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  emailNormalized!: string | null;

  @Column({ type: 'varchar', length: 16 })
  role!: AttendanceRole;

  @Column({ type: 'varchar', length: 16 })
  status!: AttendanceStatus;

  @InstantColumn()
  registeredAt!: number;

  @InstantColumn({ nullable: true })
  attendedAt!: number | null;

  @InstantColumn({ nullable: true })
  noShowAt!: number | null;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
