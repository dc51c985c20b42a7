import { Entity } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  MinorUnitsColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const REFERRAL_STATUSES = [
  'invited',
  'signed_up',
  'converted',
  'voided',
  'rejected',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** firstOrderBeforeInvitation: the referee had already bought before being invited. */
export const REFERRAL_STATUS_REASONS = ['firstOrderBeforeInvitation'] as const;
export type ReferralStatusReason = (typeof REFERRAL_STATUS_REASONS)[number];

export const REFERRAL_FLAGS = ['disposable_domain', 'similar_email', 'burst'] as const;
export type ReferralFlag = (typeof REFERRAL_FLAGS)[number];

/** A member bringing in another person: a member, or an email that is not a member yet. */
@Entity('referrals')
export class Referral extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @ReferenceColumn()
  referrerId!: string;

  /** Null while the referee is only an email; set when a member with that email appears. */
  @ReferenceColumn({ nullable: true })
  refereeMemberId!: string | null;

  @VarcharColumn(320, { nullable: true })
  refereeEmail!: string | null;

  @VarcharColumn(320, { nullable: true })
  refereeEmailNormalized!: string | null;

  @VarcharColumn(32)
  code!: string;

  @VarcharColumn(64, { nullable: true })
  channel!: string | null;

  @VarcharColumn(16)
  status!: ReferralStatus;

  /** Why a pending referral cannot convert (REFERRAL_STATUS_REASONS); null otherwise. */
  @VarcharColumn(64, { nullable: true })
  statusReason!: ReferralStatusReason | null;

  /** The reward as sent, in minor units of `rewardCurrency`. */
  @MinorUnitsColumn()
  rewardMinor!: number;

  @VarcharColumn(3)
  rewardCurrency!: string;

  @MinorUnitsColumn()
  baseRewardMinor!: number;

  @VarcharColumn(32)
  rewardRate!: string;

  @InstantColumn()
  invitedAt!: number;

  @InstantColumn({ nullable: true })
  signedUpAt!: number | null;

  /** The converting order's occurredAt. */
  @InstantColumn({ nullable: true })
  convertedAt!: number | null;

  @ReferenceColumn({ nullable: true })
  convertingPurchaseId!: string | null;

  @InstantColumn({ nullable: true })
  voidedAt!: number | null;

  @InstantColumn({ nullable: true })
  approvedAt!: number | null;

  @InstantColumn({ nullable: true })
  rejectedAt!: number | null;

  /** Comma-separated ReferralFlag values, '' when nothing is suspicious. */
  @VarcharColumn(200, { default: '' })
  flags!: string;
}
