import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { instant, integer, real, text } from './table-helpers';
import { index } from './table-keys';

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
  index('ix_value_snapshots_date_extended_member', ['as_of_date', 'extended_minor', 'member_id']),
  // With what "at risk" reads, so that the segment is answered from the index too.
  index('ix_value_snapshots_date_tier', [
    'as_of_date',
    'tier',
    'extended_minor',
    'member_id',
    'last_activity_at',
    'p_alive',
  ]),
  index('ix_value_snapshots_date_influence', ['as_of_date', 'influence_minor', 'member_id']),
  index('ix_value_snapshots_date_engagement', ['as_of_date', 'engagement', 'member_id']),
  index('ix_value_snapshots_date_share', ['as_of_date', 'influence_share', 'member_id']),
  // The customers' median spend (hidden gems) and minimum purchases, read from the index alone.
  index('ix_value_snapshots_date_spend', ['as_of_date', 'spend_minor', 'order_count', 'member_id']),
  // Period comparisons visit every member's current snapshot in member order.
  index('ix_value_snapshots_date_member', ['as_of_date', 'member_id']),
];

/**
 * Rankings leave out merged members and members who object to profiling. Few are either: a
 * partial index holds just them, so that the ranking builds that set without a scan.
 */
const MEMBER_INDICES = [
  index(
    'ix_members_excluded',
    ['id'],
    'merged_into_id IS NOT NULL OR profiling_objection_at IS NOT NULL',
  ),
];

export class Advocates1732000009000 implements MigrationInterface {
  name = 'Advocates1732000009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'members', MEMBER_INDICES);
    await queryRunner.addColumns(
      'value_snapshots',
      COLUMNS.map((column) => new TableColumn(column)),
    );
    await createIndices(queryRunner, 'value_snapshots', INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'members', MEMBER_INDICES);
    await dropIndices(queryRunner, 'value_snapshots', INDICES);
    await queryRunner.dropColumns(
      'value_snapshots',
      COLUMNS.map((column) => column.name),
    );
  }
}
