import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CountColumn, InstantColumn } from '../database/columns';

/** A post about the brand. The same normalised url, or (platform, externalPostId), is one mention. */
@Entity('mentions')
export class Mention {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ type: 'varchar', length: 200 })
  handle!: string;

  /** Lower-case handle without @: how identities find the mentions they own. */
  @Column({ type: 'varchar', length: 200 })
  handleNormalized!: string;

  /** Null until an identity names the handle. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  memberId!: string | null;

  /** The url as first sent. */
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 2000 })
  urlNormalized!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalPostId!: string | null;

  @InstantColumn()
  postedAt!: number;

  @CountColumn()
  reach!: number;

  @CountColumn()
  likes!: number;

  @CountColumn()
  shares!: number;

  @CountColumn()
  comments!: number;

  @CountColumn()
  clicks!: number;

  @Column({ type: 'double precision', nullable: true })
  sentiment!: number | null;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
