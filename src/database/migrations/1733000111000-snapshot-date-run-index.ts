import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index } from './table-keys';

/**
 * A ranking's count reads every current snapshot of a date through the view `value_snapshots`,
 * whose filter needs each row's run (1733000045000-snapshot-date-pointer.ts): without the run
 * in an index, that is a table row read per member (about 1 s for 100,000 members on a busy
 * 2-core machine when the rows are not cached). This index holds date, run, tier and member,
 * so that the count, with or without a tier (a tier filter, the new-ambassadors segment), and
 * any other pass over a date's members reads the index alone.
 */
const SNAPSHOT_ROW_INDICES = [
  index('ix_value_snapshot_rows_date_run_tier', ['as_of_date', 'run_id', 'tier', 'member_id']),
];

export class SnapshotDateRunIndex1733000111000 implements MigrationInterface {
  name = 'SnapshotDateRunIndex1733000111000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'value_snapshot_rows', SNAPSHOT_ROW_INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'value_snapshot_rows', SNAPSHOT_ROW_INDICES);
  }
}
