import { Entity, OneToMany } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';
import { MemberTag } from './member-tag.entity';

@Entity('members')
export class Member extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @VarcharColumn(320, { nullable: true })
  email!: string | null;

  /** Lower-cased email: the unique index that makes email unique case-insensitively. */
  @VarcharColumn(320, { nullable: true })
  emailNormalized!: string | null;

  @VarcharColumn(200, { nullable: true })
  name!: string | null;

  @VarcharColumn(32)
  referralCode!: string;

  @InstantColumn({ nullable: true })
  acquiredAt!: number | null;

  /** `given` when the client set acquiredAt; `firstPurchase` when derived from the first order. */
  @VarcharColumn(16, { nullable: true })
  acquiredAtSource!: 'given' | 'firstPurchase' | null;

  @VarcharColumn(64, { nullable: true })
  acquisitionChannel!: string | null;

  @ReferenceColumn({ nullable: true })
  acquisitionCampaignId!: string | null;

  @InstantColumn({ nullable: true })
  profilingObjectionAt!: number | null;

  /** Set when this member was merged into another: the record stays as a pointer. */
  @ReferenceColumn({ nullable: true })
  mergedIntoId!: string | null;

  @OneToMany(() => MemberTag, (tag) => tag.member, { cascade: true })
  tags!: MemberTag[];
}
