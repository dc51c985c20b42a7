import { Entity } from 'typeorm';
import { ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/** A keyed hash of an erased person's email, handle or externalId; the hash is unique. */
@Entity('erasure_tombstones')
export class ErasureTombstone extends RecordBase {
  @VarcharColumn(64)
  hash!: string;

  @VarcharColumn(16)
  kind!: TombstoneKind;

  @ReferenceColumn({ nullable: true })
  memberId!: string | null;
}

export type TombstoneKind = 'email' | 'handle' | 'externalId';
