import { count, flag, id, instant, integer, ref, text } from './table-helpers';
import { index } from './table-keys';
import { TablesMigration } from './tables-migration';

/**
 * The report kept with each import (DESIGN.md, Limits): the run with its counts and progress,
 * its refused rows (line, field, code, reason: no cell value, so an erasure need not touch
 * them) and the records it created, which an undo deletes when nothing references them yet.
 * No foreign keys: a run outlives the records it names.
 */
export class ImportRuns1733000100000 extends TablesMigration {
  name = 'ImportRuns1733000100000';

  protected readonly tables = [
    {
      name: 'import_runs',
      columns: [
        id(),
        text('type', 40, false),
        text('format', 8, false),
        text('status', 12, false),
        flag('dry_run'),
        count('rows'),
        count('created'),
        count('updated'),
        count('unchanged'),
        count('refused'),
        count('rows_stored'),
        ref('key_id', true),
        text('failure_code', 60),
        instant('started_at'),
        instant('finished_at', true),
      ],
      indices: [
        index('ix_import_runs_started', ['started_at', 'id']),
        index('ix_import_runs_status', ['status', 'started_at', 'id']),
        index('ix_import_runs_type', ['type', 'started_at', 'id']),
      ],
    },
    {
      name: 'import_run_errors',
      columns: [
        { ...ref('import_id'), isPrimary: true },
        { ...integer('seq'), isPrimary: true },
        integer('line'),
        text('field', 200, false),
        text('code', 60, false),
        text('reason', 300, false),
      ],
      indices: [index('ix_import_run_errors_line', ['import_id', 'line', 'seq'])],
    },
    {
      name: 'import_run_records',
      columns: [
        { ...ref('import_id'), isPrimary: true },
        { ...text('record_type', 40, false), isPrimary: true },
        { ...ref('record_id'), isPrimary: true },
      ],
      indices: [index('ix_import_run_records_record', ['record_id'])],
    },
  ];
}
