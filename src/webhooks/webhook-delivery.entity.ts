import { Column, Entity } from 'typeorm';
import { InstantColumn, ReferenceColumn, VarcharColumn } from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One outbound request's worth of events for one subscription, with how sending it went. */
@Entity('webhook_deliveries')
export class WebhookDelivery extends EditableRecordBase {
  @ReferenceColumn()
  subscriptionId!: string;

  /** The recompute whose completion produced these events. */
  @ReferenceColumn()
  runId!: string;

  /** Which part of the run's events, when they did not fit one request. */
  @Column({ type: 'integer', default: 0 })
  chunk!: number;

  /** JSON WebhookEvent[]: ids and tier names only; member names are read when sending. */
  @Column({ type: 'text' })
  events!: string;

  @Column({ type: 'integer', default: 0 })
  eventCount!: number;

  @VarcharColumn(16)
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @InstantColumn({ nullable: true })
  nextAttemptAt!: number | null;

  /** Until when an instance sending it holds it; another may take it after. */
  @InstantColumn({ nullable: true })
  leaseUntil!: number | null;

  @InstantColumn({ nullable: true })
  lastAttemptAt!: number | null;

  @InstantColumn({ nullable: true })
  deliveredAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @VarcharColumn(500, { nullable: true })
  lastError!: string | null;
}
