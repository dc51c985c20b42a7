import { Entity } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  MinorUnitsColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { RecordBase } from '../database/record-base';

export type PurchaseKind = 'order' | 'refund';

@Entity('purchases')
export class Purchase extends RecordBase {
  @ExternalIdColumn({ nullable: false })
  externalId!: string;

  @ReferenceColumn()
  memberId!: string;

  @VarcharColumn(8)
  kind!: PurchaseKind;

  /** The amount as sent, in minor units of `currency`. */
  @MinorUnitsColumn()
  amountMinor!: number;

  @VarcharColumn(3)
  currency!: string;

  /** The amount in minor units of the base currency, converted once at write time. */
  @MinorUnitsColumn()
  baseAmountMinor!: number;

  /** Base units per one unit of `currency`, as used for the conversion ("1" for the base). */
  @VarcharColumn(32)
  rate!: string;

  @InstantColumn()
  occurredAt!: number;

  @VarcharColumn(200, { nullable: true })
  product!: string | null;

  @VarcharColumn(100, { nullable: true })
  productCategory!: string | null;

  /** For a refund: the id of the order it refunds. */
  @ReferenceColumn({ nullable: true })
  refundOfId!: string | null;

  @VarcharColumn(32, { nullable: true })
  attributionReferralCode!: string | null;

  @ReferenceColumn({ nullable: true })
  attributionReviewId!: string | null;

  @ReferenceColumn({ nullable: true })
  attributionMentionId!: string | null;

  @VarcharColumn(2000, { nullable: true })
  attributionMentionUrl!: string | null;

  @ReferenceColumn({ nullable: true })
  attributionEventId!: string | null;

  @ReferenceColumn({ nullable: true })
  attributionCampaignId!: string | null;
}
