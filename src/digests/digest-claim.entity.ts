import { Column, Entity } from 'typeorm';
import { InstantColumn, ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/** `scheduled` is the one claim per period that the scheduler and unforced sends share. */
export const SCHEDULED_SLOT = 'scheduled';
export const CLAIM_STATUSES = ['open', 'completed', 'skipped'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ClaimTrigger = 'schedule' | 'api' | 'cli';

/**
 * One digest of one subscription for one period, claimed before anything is sent:
 * (subscription, period start, slot) is unique. While open, the holder's lease says until when
 * no other instance may work on it; an expired lease (a crash, or the time of the next retry)
 * lets the next tick take it over.
 */
@Entity('digest_claims')
export class DigestClaim extends RecordBase {
  @ReferenceColumn()
  subscriptionId!: string;

  @InstantColumn()
  periodStart!: number;

  @InstantColumn()
  periodEnd!: number;

  /** `scheduled`, or `forced:<id>` for a forced manual send. */
  @VarcharColumn(64)
  slot!: string;

  @VarcharColumn(16)
  trigger!: ClaimTrigger;

  @VarcharColumn(16)
  status!: ClaimStatus;

  @VarcharColumn(100)
  holder!: string;

  @InstantColumn()
  leaseExpiresAt!: number;

  /** The rendered mail, kept so that every recipient and every retry gets the same one. */
  @VarcharColumn(300, { nullable: true })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** The value snapshots' date the digest used (at or before the period's end). */
  @VarcharColumn(10, { nullable: true })
  valuesAsOf!: string | null;

  @InstantColumn({ nullable: true })
  completedAt!: number | null;
}
