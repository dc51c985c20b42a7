import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, VarcharColumn } from '../../database/columns';

export type ValueRunChunkStatus = 'pending' | 'done';

/**
 * Members [fromMemberId, toMemberId) by id (an open end is null) of one run, valued by whichever
 * instance holds its lease; `done` once their snapshot rows are written, in the same transaction.
 */
@Entity('value_run_chunks')
export class ValueRunChunk {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  runId!: string;

  @PrimaryColumn({ type: 'integer' })
  chunkNo!: number;

  @VarcharColumn(36, { nullable: true })
  fromMemberId!: string | null;

  @VarcharColumn(36, { nullable: true })
  toMemberId!: string | null;

  @VarcharColumn(8)
  status!: ValueRunChunkStatus;

  @VarcharColumn(100, { nullable: true })
  holder!: string | null;

  @InstantColumn()
  leaseExpiresAt!: number;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer', default: 0 })
  members!: number;

  @InstantColumn({ nullable: true })
  doneAt!: number | null;
}

/** The plan every chunk of a run is valued with (src/value/chunks/recompute-plan.ts), as JSON. */
@Entity('value_run_plans')
export class ValueRunPlan {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  runId!: string;

  @Column({ type: 'text' })
  plan!: string;
}
