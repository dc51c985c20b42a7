import { id, instant, integer, longText, ref, text } from './table-helpers';
import { index } from './table-keys';
import { TablesMigration } from './tables-migration';

/**
 * The audit log: one row per audited act and one per record it touched. No foreign keys: an
 * entry outlives what it names (an erased member, a revoked key), and writing it never fails
 * for a reference. Indexed for the list (newest first) and each of its filters.
 */
export class AuditEntries1733000040000 extends TablesMigration {
  name = 'AuditEntries1733000040000';

  protected readonly tables = [
    {
      name: 'audit_entries',
      columns: [
        id(),
        instant('at'),
        text('actor_kind', 16, false),
        ref('key_id', true),
        text('key_name', 100),
        text('key_prefix', 24),
        text('action', 160, false),
        text('method', 8),
        text('route', 200),
        integer('status_code', true),
        text('outcome', 8, false),
        text('request_id', 128),
        text('remote_address', 64),
        longText('details'),
      ],
      indices: [
        index('ix_audit_entries_at', ['at', 'id']),
        index('ix_audit_entries_key', ['key_id', 'at', 'id']),
        index('ix_audit_entries_action', ['action', 'at', 'id']),
      ],
    },
    {
      name: 'audit_entry_records',
      columns: [
        { ...ref('entry_id'), isPrimary: true },
        { ...ref('record_id'), isPrimary: true },
        instant('at'),
      ],
      indices: [
        index('ix_audit_entry_records_record', ['record_id', 'at', 'entry_id']),
        index('ix_audit_entry_records_at', ['at']),
      ],
    },
  ];
}
