import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, MinorUnitsColumn } from '../database/columns';

export type PurchaseKind = 'order' | 'refund';

@Entity('purchases')
export class Purchase {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: PurchaseKind;

  /** The amount as sent, in minor units of `currency`. */
  @MinorUnitsColumn()
  amountMinor!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** The amount in minor units of the base currency, converted once at write time. */
  @MinorUnitsColumn()
  baseAmountMinor!: number;

  /** Base units per one unit of `currency`, as used for the conversion ("1" for the base). */
  @Column({ type: 'varchar', length: 32 })
  rate!: string;

  @InstantColumn()
  occurredAt!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  product!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  productCategory!: string | null;

  /** For a refund: the id of the order it refunds. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  refundOfId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  attributionReferralCode!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attributionReviewId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attributionMentionId!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  attributionMentionUrl!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attributionEventId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attributionCampaignId!: string | null;

  @InstantColumn()
  createdAt!: number;
}
