import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, integer, longText, minorUnits, real, ref, text } from './table-helpers';

export class ValueSnapshots1732000006000 implements MigrationInterface {
  name = 'ValueSnapshots1732000006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
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
        indices: [{ name: 'ix_value_runs_started', columnNames: ['started_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
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
          {
            name: 'uq_value_snapshots_member_date',
            columnNames: ['member_id', 'as_of_date'],
            isUnique: true,
          },
          {
            name: 'ix_value_snapshots_date_extended',
            columnNames: ['as_of_date', 'extended_minor'],
          },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('value_snapshots');
    await queryRunner.dropTable('value_runs');
  }
}
