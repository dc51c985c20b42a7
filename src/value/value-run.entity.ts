import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, VarcharColumn } from '../database/columns';

export type ValueRunStatus = 'running' | 'succeeded' | 'failed';

/** One recompute: when, for which asOf, how it went, and the model it fitted. */
@Entity('value_runs')
export class ValueRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @InstantColumn()
  asOf!: number;

  @VarcharColumn(10)
  asOfDate!: string;

  @VarcharColumn(16)
  status!: ValueRunStatus;

  @VarcharColumn(16)
  trigger!: string;

  @InstantColumn()
  startedAt!: number;

  @InstantColumn({ nullable: true })
  finishedAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'integer', default: 0 })
  members!: number;

  @VarcharColumn(8, { nullable: true })
  method!: string | null;

  /** JSON: fitted parameters, log-likelihoods, data counts, calibration, coefficients. */
  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @VarcharColumn(2000, { nullable: true })
  error!: string | null;
}
