import { Column, Entity } from 'typeorm';
import { InstantColumn, VarcharColumn } from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const WEBHOOK_EVENTS = ['tier.changed', 'referral.flagged', 'ambassador.new'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** An admin's outbound subscription: a url that gets the chosen events after each recompute. */
@Entity('webhook_subscriptions')
export class WebhookSubscription extends EditableRecordBase {
  @VarcharColumn(2048)
  url!: string;

  /** The subscribed event types, comma-separated. */
  @VarcharColumn(200)
  events!: string;

  @VarcharColumn(200, { nullable: true })
  description!: string | null;

  @VarcharColumn(512)
  secretCiphertext!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @InstantColumn()
  secretRotatedAt!: number;
}

export function subscribedEvents(subscription: WebhookSubscription): WebhookEventType[] {
  return subscription.events.split(',').filter(Boolean) as WebhookEventType[];
}
