import { Column, Entity } from 'typeorm';
import { InstantColumn, VarcharColumn } from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const SOURCE_KINDS = ['shopify', 'woocommerce', 'generic'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A sender of inbound webhooks: a shop, or anything that signs Halo's generic format. */
@Entity('webhook_sources')
export class WebhookSource extends EditableRecordBase {
  @VarcharColumn(16)
  kind!: SourceKind;

  @VarcharColumn(200)
  name!: string;

  /** The shared secret, encrypted (WebhookSecretBox): verifying an HMAC needs it in clear. */
  @VarcharColumn(512)
  secretCiphertext!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @InstantColumn()
  secretRotatedAt!: number;

  @InstantColumn({ nullable: true })
  lastReceivedAt!: number | null;
}
