import { Entity } from 'typeorm';
import { ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/** A member's handle on a platform; (platform, lower(handle)) is unique. */
@Entity('identities')
export class Identity extends RecordBase {
  @ReferenceColumn()
  memberId!: string;

  @VarcharColumn(32)
  platform!: string;

  @VarcharColumn(200)
  handle!: string;

  @VarcharColumn(200)
  handleNormalized!: string;
}
