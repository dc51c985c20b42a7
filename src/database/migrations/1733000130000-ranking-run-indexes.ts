import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index } from './table-keys';

/**
 * Indexes that lead with the date and the run, as the view `value_snapshots` filters
 * (1733000045000-snapshot-date-pointer.ts): the run is checked in the index, and a statement
 * that reads only their columns never reads a table row (about 4 µs each; 100,000 of them is
 * the 0.3–1 s that some rankings took on 100,000 members).
 *  - Tier, then advocacy value (the default sort): a tier's page is its first rows in order.
 *    Without it SQLite walked the advocacy index for the tier's members, all 100,000 rows
 *    when the tier has fewer than a page (36 Champions: 335 ms). The columns after it answer
 *    the at-risk segment's filter and count from the index alone.
 *  - Advocacy value, then spend: hidden gems (advocacy above the top decile's, spend below
 *    the median), their count, and the rank of the decile's last member.
 *  - Orders: the customers (hidden gems' median) and the minimum purchases filter.
 */
const INDICES = [
  index('ix_value_snapshot_rows_date_run_tier_advocacy', [
    'as_of_date',
    'run_id',
    'tier',
    'advocacy_minor',
    'member_id',
    'last_activity_at',
    'p_alive',
    'extended_minor',
  ]),
  index('ix_value_snapshot_rows_date_run_advocacy', [
    'as_of_date',
    'run_id',
    'advocacy_minor',
    'spend_minor',
    'member_id',
  ]),
  index('ix_value_snapshot_rows_date_run_orders', [
    'as_of_date',
    'run_id',
    'order_count',
    'spend_minor',
    'member_id',
  ]),
];

export class RankingRunIndexes1733000130000 implements MigrationInterface {
  name = 'RankingRunIndexes1733000130000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'value_snapshot_rows', INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'value_snapshot_rows', INDICES);
  }
}
