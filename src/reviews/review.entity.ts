import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CountColumn, InstantColumn } from '../database/columns';

export type VerifiedPurchaseSource = 'derived' | 'given';

/** A member's review of a product. Without externalId, (platform, normalised url) is its key. */
@Entity('reviews')
export class Review {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 200 })
  product!: string;

  @Column({ type: 'integer' })
  rating!: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  /** Kept literally, HTML and scripts included: escape it wherever it is shown. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
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
  @Column({ type: 'varchar', length: 8 })
  verifiedPurchaseSource!: VerifiedPurchaseSource;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
