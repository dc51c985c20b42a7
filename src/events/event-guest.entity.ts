import { Entity } from 'typeorm';
import { ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/**
 * A guest an attendee brought: a member, or an email that links to the member created with
 * it later. A guest's first order is an acquisition through the event for whoever brought them.
 */
@Entity('event_guests')
export class EventGuest extends RecordBase {
  @ReferenceColumn()
  attendanceId!: string;

  /** Denormalised from the attendance, so that the value engine reads guests per event directly. */
  @ReferenceColumn()
  eventId!: string;

  @ReferenceColumn({ nullable: true })
  guestMemberId!: string | null;

  @VarcharColumn(320, { nullable: true })
  guestEmail!: string | null;

  @VarcharColumn(320, { nullable: true })
  guestEmailNormalized!: string | null;
}
