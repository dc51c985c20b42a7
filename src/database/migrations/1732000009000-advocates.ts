import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { instant, integer, real, text } from './table-helpers';

/** Engagement, tier, last activity, orders and influence share on every value snapshot. */
const COLUMNS = [
  { ...real('engagement', false), default: 0 },
  text('tier', 64),
  instant('last_activity_at', true),
  integer('order_count', false, 0),
  real('influence_share'),
];

/** The ranking reads one asOf date, filters and sorts; the member id breaks ties. */
const INDICES = [
  {
    name: 'ix_value_snapshots_date_extended_member',
    columnNames: ['as_of_date', 'extended_minor', 'member_id'],
  },
  // With what "at risk" reads, so that the segment is answered from the index too.
  {
    name: 'ix_value_snapshots_date_tier',
    columnNames: [
      'as_of_date',
      'tier',
      'extended_minor',
      'member_id',
      'last_activity_at',
      'p_alive',
    ],
  },
  {
    name: 'ix_value_snapshots_date_influence',
    columnNames: ['as_of_date', 'influence_minor', 'member_id'],
  },
  {
    name: 'ix_value_snapshots_date_engagement',
    columnNames: ['as_of_date', 'engagement', 'member_id'],
  },
  {
    name: 'ix_value_snapshots_date_share',
    columnNames: ['as_of_date', 'influence_share', 'member_id'],
  },
  // The customers' median spend (hidden gems) and minimum purchases, read from the index alone.
  {
    name: 'ix_value_snapshots_date_spend',
    columnNames: ['as_of_date', 'spend_minor', 'order_count', 'member_id'],
  },
  // Period comparisons visit every member's current snapshot in member order.
  { name: 'ix_value_snapshots_date_member', columnNames: ['as_of_date', 'member_id'] },
];

/**
 * Rankings leave out merged members and members who object to profiling. Few are either: a
 * partial index holds just them, so that the ranking builds that set without a scan.
 */
const MEMBER_INDICES = [
  {
    name: 'ix_members_excluded',
    columnNames: ['id'],
    where: 'merged_into_id IS NOT NULL OR profiling_objection_at IS NOT NULL',
  },
];

export class Advocates1732000009000 implements MigrationInterface {
  name = 'Advocates1732000009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices(
      'members',
      MEMBER_INDICES.map((index) => new TableIndex(index)),
    );
    await queryRunner.addColumns(
      'value_snapshots',
      COLUMNS.map((column) => new TableColumn(column)),
    );
    await queryRunner.createIndices(
      'value_snapshots',
      INDICES.map((index) => new TableIndex(index)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of MEMBER_INDICES) await queryRunner.dropIndex('members', index.name);
    for (const index of INDICES) await queryRunner.dropIndex('value_snapshots', index.name);
    await queryRunner.dropColumns(
      'value_snapshots',
      COLUMNS.map((column) => column.name),
    );
  }
}
