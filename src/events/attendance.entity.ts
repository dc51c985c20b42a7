import { Entity } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const ATTENDANCE_ROLES = ['attendee', 'speaker', 'host', 'volunteer'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];

export const ATTENDANCE_STATUSES = ['registered', 'attended', 'no-show'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * One person at one event: a member, or an email not yet a member (linked when that member
 * is created). (event, member) and (event, email) are unique.
 */
@Entity('event_attendance')
export class Attendance extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @ReferenceColumn()
  eventId!: string;

  @ReferenceColumn({ nullable: true })
  memberId!: string | null;

  /** Only for a person who was not a member when recorded; kept after they are linked. */
  @VarcharColumn(320, { nullable: true })
  email!: string | null;

  @VarcharColumn(320, { nullable: true })
  emailNormalized!: string | null;

  @VarcharColumn(16)
  role!: AttendanceRole;

  @VarcharColumn(16)
  status!: AttendanceStatus;

  @InstantColumn()
  registeredAt!: number;

  @InstantColumn({ nullable: true })
  attendedAt!: number | null;

  @InstantColumn({ nullable: true })
  noShowAt!: number | null;
}
