import { Entity, PrimaryColumn } from 'typeorm';

/** A record an import created, written in the batch's transaction: what an undo may delete. */
@Entity('import_run_records')
export class ImportRunRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  importId!: string;

  /** The import type that created it (members, purchases). */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  recordType!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  recordId!: string;
}
