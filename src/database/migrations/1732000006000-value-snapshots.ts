import { id, instant, integer, longText, minorUnits, real, ref, text } from './table-helpers';
import { index, references, unique } from './table-keys';
import { TablesMigration } from './tables-migration';

export class ValueSnapshots1732000006000 extends TablesMigration {
  name = 'ValueSnapshots1732000006000';

  protected readonly tables = [
    {
      name: 'value_runs',
      columns: [
        id(),
        instant('as_of'),
        text('as_of_date', 10, false),
        text('status', 16, false),
        text('trigger', 16, false),
        instant('started_at'),
        instant('finished_at', true),
        integer('duration_ms', true),
        integer('members', false, 0),
        text('method', 8),
        longText('model'),
        text('error', 2000),
      ],
      indices: [index('ix_value_runs_started', ['started_at'])],
    },
    {
      name: 'value_snapshots',
      columns: [
        id(),
        ref('member_id'),
        text('as_of_date', 10, false),
        instant('as_of'),
        ref('run_id'),
        text('currency', 3, false),
        minorUnits('extended_minor'),
        minorUnits('spend_realized_minor'),
        minorUnits('spend_predicted_minor'),
        minorUnits('spend_minor'),
        minorUnits('referral_minor'),
        minorUnits('influence_measured_minor'),
        minorUnits('influence_modeled_minor'),
        minorUnits('influence_minor'),
        minorUnits('knowledge_minor'),
        text('method', 8, false),
        real('p_alive'),
        real('expected_purchases'),
        longText('breakdown', false),
        instant('created_at'),
      ],
      indices: [
        unique('uq_value_snapshots_member_date', ['member_id', 'as_of_date']),
        index('ix_value_snapshots_date_extended', ['as_of_date', 'extended_minor']),
      ],
      foreignKeys: [references('member_id', 'members', 'CASCADE')],
    },
  ];
}
