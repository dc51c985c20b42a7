import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, MinorUnitsColumn } from '../database/columns';

export const REFERRAL_STATUSES = [
  'invited',
  'signed_up',
  'converted',
  'voided',
  'rejected',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_FLAGS = ['disposable_domain', 'similar_email', 'burst'] as const;
export type ReferralFlag = (typeof REFERRAL_FLAGS)[number];

/** A member bringing in another person: a member, or an email that is not a member yet. */
@Entity('referrals')
export class Referral {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  referrerId!: string;

  /** Null while the referee is only an email; set when a member with that email appears. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  refereeMemberId!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  refereeEmail!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  refereeEmailNormalized!: string | null;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  channel!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ReferralStatus;

  /** The reward as sent, in minor units of `rewardCurrency`. */
  @MinorUnitsColumn()
  rewardMinor!: number;

  @Column({ type: 'varchar', length: 3 })
  rewardCurrency!: string;

  @MinorUnitsColumn()
  baseRewardMinor!: number;

  @Column({ type: 'varchar', length: 32 })
  rewardRate!: string;

  @InstantColumn()
  invitedAt!: number;

  @InstantColumn({ nullable: true })
  signedUpAt!: number | null;

  /** The converting order's occurredAt. */
  @InstantColumn({ nullable: true })
  convertedAt!: number | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  convertingPurchaseId!: string | null;

  @InstantColumn({ nullable: true })
  voidedAt!: number | null;

  @InstantColumn({ nullable: true })
  approvedAt!: number | null;

  @InstantColumn({ nullable: true })
  rejectedAt!: number | null;

  /** Comma-separated ReferralFlag values, '' when nothing is suspicious. */
  @Column({ type: 'varchar', length: 200, default: '' })
  flags!: string;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
