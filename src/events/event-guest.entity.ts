import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A guest an attendee brought: a member, or an email that links to the member created with
 * it later. A guest's first order is an acquisition through the event for whoever brought them.
 */
@Entity('event_guests')
export class EventGuest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  attendanceId!: string;

  /** Denormalised from the attendance, so that the value engine reads guests per event directly. */
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  guestMemberId!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  guestEmail!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  guestEmailNormalized!: string | null;

  @InstantColumn()
  createdAt!: number;
}
