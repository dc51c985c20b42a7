import { Column, Entity } from 'typeorm';
import {
  CountColumn,
  IdColumn,
  InstantColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../../database/columns';
import { ImportFormat } from '../import-format';

export const IMPORT_RUN_STATUSES = ['running', 'succeeded', 'failed', 'aborted', 'undone'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** One import as it runs and after: its counts, its progress and how it ended. */
@Entity('import_runs')
export class ImportRun {
  @IdColumn()
  id!: string;

  @VarcharColumn(40)
  type!: string;

  @VarcharColumn(8)
  format!: ImportFormat;

  @VarcharColumn(12)
  status!: ImportRunStatus;

  /** Rolled back batch by batch: the counts say what would have happened. */
  @Column({ type: 'boolean', default: false })
  dryRun!: boolean;

  @CountColumn() rows!: number;
  @CountColumn() created!: number;
  @CountColumn() updated!: number;
  @CountColumn() unchanged!: number;
  @CountColumn() refused!: number;

  /** Rows of committed batches that were stored (created, updated or unchanged): the progress. */
  @CountColumn()
  rowsStored!: number;

  /** The API key that started it; null for the CLI. */
  @ReferenceColumn({ nullable: true })
  keyId!: string | null;

  /** The error code a failed run stopped with (e.g. PAYLOAD_TOO_LARGE). */
  @VarcharColumn(60, { nullable: true })
  failureCode!: string | null;

  @InstantColumn()
  startedAt!: number;

  @InstantColumn({ nullable: true })
  finishedAt!: number | null;
}
