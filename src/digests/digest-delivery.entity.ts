import { Column, Entity } from 'typeorm';
import { InstantColumn, ReferenceColumn, VarcharColumn } from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const DELIVERY_STATUSES = [
  'pending',
  'retrying',
  'sent',
  'failed',
  'failed-permanent',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** Statuses that still have work to do. */
export const OPEN_DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'retrying'];

/** One recipient of one claimed digest: (claim, recipient) is unique. */
@Entity('digest_deliveries')
export class DigestDelivery extends EditableRecordBase {
  @ReferenceColumn()
  claimId!: string;

  @ReferenceColumn()
  subscriptionId!: string;

  @VarcharColumn(320)
  recipient!: string;

  @InstantColumn()
  periodStart!: number;

  @InstantColumn()
  periodEnd!: number;

  /** Deterministic per (subscription, period, recipient), so that a resent copy is recognisable. */
  @VarcharColumn(300)
  messageId!: string;

  @VarcharColumn(16)
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @InstantColumn({ nullable: true })
  lastAttemptAt!: number | null;

  @InstantColumn({ nullable: true })
  nextAttemptAt!: number | null;

  /** The server's answer or the error of the last attempt (never credentials). */
  @VarcharColumn(1000, { nullable: true })
  lastResponse!: string | null;

  @InstantColumn({ nullable: true })
  sentAt!: number | null;
}
