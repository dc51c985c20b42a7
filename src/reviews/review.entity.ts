import { Column, Entity } from 'typeorm';
import {
  CountColumn,
  ExternalIdColumn,
  InstantColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export type VerifiedPurchaseSource = 'derived' | 'given';

/** A member's review of a product. Without externalId, (platform, normalised url) is its key. */
@Entity('reviews')
export class Review extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @ReferenceColumn()
  memberId!: string;

  @VarcharColumn(200)
  product!: string;

  @Column({ type: 'integer' })
  rating!: number;

  @VarcharColumn(300, { nullable: true })
  title!: string | null;

  /** Kept literally, HTML and scripts included: escape it wherever it is shown. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @VarcharColumn(32)
  platform!: string;

  @VarcharColumn(2000, { nullable: true })
  url!: string | null;

  @VarcharColumn(2000, { nullable: true })
  urlNormalized!: string | null;

  @InstantColumn()
  publishedAt!: number;

  @CountColumn()
  views!: number;

  @CountColumn()
  helpfulVotes!: number;

  @Column({ type: 'boolean', default: false })
  verifiedPurchase!: boolean;

  /** `derived` when the member's orders name products, so they decide; else `given`. */
  @VarcharColumn(8)
  verifiedPurchaseSource!: VerifiedPurchaseSource;
}
