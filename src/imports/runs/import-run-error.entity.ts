import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VarcharColumn } from '../../database/columns';

/**
 * A refused row of an import: where and why, never what (no cell value, no externalId), so the
 * report holds no personal data and an erasure need not touch it.
 */
@Entity('import_run_errors')
export class ImportRunError {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  importId!: string;

  /** The order the errors were found in, from 1. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'integer' })
  line!: number;

  @VarcharColumn(200)
  field!: string;

  @VarcharColumn(60)
  code!: string;

  @VarcharColumn(300)
  reason!: string;
}
