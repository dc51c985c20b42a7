import { Entity, PrimaryColumn } from 'typeorm';
import { VarcharColumn } from '../database/columns';

/**
 * The normalised attribution.mentionUrl of a purchase, indexed, so that a mention that
 * arrives after the purchase finds the purchases naming its url without scanning them.
 */
@Entity('purchase_mention_urls')
export class PurchaseMentionUrl {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  purchaseId!: string;

  @VarcharColumn(2000)
  urlNormalized!: string;
}
