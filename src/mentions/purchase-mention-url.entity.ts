import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The normalised attribution.mentionUrl of a purchase, indexed, so that a mention that
 * arrives after the purchase finds the purchases naming its url without scanning them.
 */
@Entity('purchase_mention_urls')
export class PurchaseMentionUrl {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  purchaseId!: string;

  @Column({ type: 'varchar', length: 2000 })
  urlNormalized!: string;
}
