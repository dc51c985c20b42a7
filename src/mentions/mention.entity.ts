import { Column, Entity } from 'typeorm';
import {
  CountColumn,
  ExternalIdColumn,
  InstantColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

/** A post about the brand. The same normalised url, or (platform, externalPostId), is one mention. */
@Entity('mentions')
export class Mention extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @VarcharColumn(32)
  platform!: string;

  @VarcharColumn(200)
  handle!: string;

  /** Lower-case handle without @: how identities find the mentions they own. */
  @VarcharColumn(200)
  handleNormalized!: string;

  /** Null until an identity names the handle. */
  @ReferenceColumn({ nullable: true })
  memberId!: string | null;

  /** The url as first sent. */
  @VarcharColumn(2000)
  url!: string;

  @VarcharColumn(2000)
  urlNormalized!: string;

  @VarcharColumn(200, { nullable: true })
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
}
