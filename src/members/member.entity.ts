import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import { MemberTag } from './member-tag.entity';

@Entity('members')
export class Member {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  /** Lower-cased email: the unique index that makes email unique case-insensitively. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  emailNormalized!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 32 })
  referralCode!: string;

  @InstantColumn({ nullable: true })
  acquiredAt!: number | null;

  /** `given` when the client set acquiredAt; `firstPurchase` when derived from the first order. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  acquiredAtSource!: 'given' | 'firstPurchase' | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  acquisitionChannel!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  acquisitionCampaignId!: string | null;

  @InstantColumn({ nullable: true })
  profilingObjectionAt!: number | null;

  /** Set when this member was merged into another: the record stays as a pointer. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  mergedIntoId!: string | null;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;

  @OneToMany(() => MemberTag, (tag) => tag.member, { cascade: true })
  tags!: MemberTag[];
}
