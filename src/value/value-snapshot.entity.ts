import { Column, Entity } from 'typeorm';
import {
  InstantColumn,
  MinorUnitsColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { RecordBase } from '../database/record-base';

/**
 * One member's extended value as of one date, written by one run; (member, asOfDate, run) is
 * unique. The rows of a date's current run (`value_snapshot_dates`) are what readers see, through
 * the view `value_snapshots`; this entity is the stored rows of every run.
 */
@Entity('value_snapshot_rows')
export class ValueSnapshot extends RecordBase {
  @ReferenceColumn()
  memberId!: string;

  /** The UTC date (YYYY-MM-DD) of asOf: the snapshot's key with the member. */
  @VarcharColumn(10)
  asOfDate!: string;

  @InstantColumn()
  asOf!: number;

  @ReferenceColumn()
  runId!: string;

  @VarcharColumn(3)
  currency!: string;

  @MinorUnitsColumn() extendedMinor!: number;
  @MinorUnitsColumn() spendRealizedMinor!: number;
  @MinorUnitsColumn() spendPredictedMinor!: number;
  @MinorUnitsColumn() spendMinor!: number;
  @MinorUnitsColumn() referralMinor!: number;
  @MinorUnitsColumn() influenceMeasuredMinor!: number;
  @MinorUnitsColumn() influenceModeledMinor!: number;
  @MinorUnitsColumn() influenceMinor!: number;
  @MinorUnitsColumn() knowledgeMinor!: number;
  /** referral + influence + knowledge: what the member is worth through others. */
  @MinorUnitsColumn() advocacyMinor!: number;

  @VarcharColumn(8)
  method!: string;

  @Column({ type: 'double precision', nullable: true })
  pAlive!: number | null;

  @Column({ type: 'double precision', nullable: true })
  expectedPurchases!: number | null;

  /** Engagement score as of asOf (src/advocates): Σ weight × 0.5^(age / half-life). */
  @Column({ type: 'double precision', default: 0 })
  engagement!: number;

  /** The first configured tier whose thresholds held at asOf; null when none did. */
  @VarcharColumn(64, { nullable: true })
  tier!: string | null;

  /** JSON TierReason (src/advocates/tiers): thresholds met and what the next tier up misses. */
  @Column({ type: 'text', nullable: true })
  tierReason!: string | null;

  @InstantColumn({ nullable: true })
  lastActivityAt!: number | null;

  @Column({ type: 'integer', default: 0 })
  orderCount!: number;

  /** influence / extended; null where the extended value is not positive. */
  @Column({ type: 'double precision', nullable: true })
  influenceShare!: number | null;

  /**
   * JSON MemberSimpleFormula (src/value/engine/simple-formula.ts): the seeds' formula beside the
   * prediction; null without a purchase day and for snapshots stored before it was kept.
   */
  @Column({ type: 'text', nullable: true })
  simpleFormula!: string | null;

  /** JSON: byChannel and drivers, so that a value explains itself without recomputing. */
  @Column({ type: 'text' })
  breakdown!: string;
}
