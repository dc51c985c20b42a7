import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { minorUnits, ref, text } from './table-helpers';
import { index, references } from './table-keys';

/**
 * Each member's change over the default ranking period, stored by the recompute beside the
 * snapshots (src/value/snapshot-growth.ts), so that the growth sorts and the rising and
 * new-ambassadors segments read an index instead of comparing every member's snapshot at the
 * period's end with the one at its start (DESIGN.md: the ranking's period). One row per current
 * snapshot (`snapshot_id`, deleted with it) and start date: the figures on both bases and the
 * tier of the start snapshot. The ranking falls back to the comparison itself for any
 * (date, start date) that has no rows here.
 */
const GROWTH_INDICES = [
  'extended_growth',
  'advocacy_growth',
  'extended_growth_measured',
  'advocacy_growth_measured',
].map((column) =>
  index(`ix_value_snapshot_growth_${column.replace('_growth', '')}`, [
    'as_of_date',
    'start_date',
    column,
    'member_id',
  ]),
);

export class SnapshotGrowth1733000110000 implements MigrationInterface {
  name = 'SnapshotGrowth1733000110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'value_snapshot_growth',
        columns: [
          { ...ref('snapshot_id'), isPrimary: true },
          { ...text('start_date', 10, false), isPrimary: true },
          text('as_of_date', 10, false),
          ref('member_id'),
          minorUnits('extended_growth'),
          minorUnits('advocacy_growth'),
          minorUnits('extended_growth_measured'),
          minorUnits('advocacy_growth_measured'),
          text('start_tier', 64),
        ],
        foreignKeys: [references('snapshot_id', 'value_snapshot_rows', 'CASCADE')],
        indices: GROWTH_INDICES,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('value_snapshot_growth');
  }
}
