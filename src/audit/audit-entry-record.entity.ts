import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * A record an audited act touched (a route's :id, the created record's id, a merge's other
 * member): one row each, so that "everything done to this record" is an index range. `at` is
 * the entry's, so the filter pages newest first and retention deletes by it without a join.
 */
@Entity('audit_entry_records')
export class AuditEntryRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  entryId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  recordId!: string;

  @InstantColumn()
  at!: number;
}
