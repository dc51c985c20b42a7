import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { count, ref, real, text } from './table-helpers';

/**
 * What the hidden gems segment needs of a date's current snapshots, stored by the recompute
 * after publishing (src/advocates/ranking/snapshot-gems.ts) instead of read from every
 * snapshot per request (about 1 s on 100,000 members): per date, run and basis, how many
 * snapshots there were, how many of them have an advocacy value above zero, how many are
 * customers, and the customers' median spend (null without customers). A row is read only
 * while its run is the date's current one and the date still holds that many snapshots.
 */
export class SnapshotGems1733000131000 implements MigrationInterface {
  name = 'SnapshotGems1733000131000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'value_snapshot_gems',
        columns: [
          { ...text('as_of_date', 10, false), isPrimary: true },
          { ...ref('run_id'), isPrimary: true },
          { ...text('basis', 16, false), isPrimary: true },
          count('snapshots'),
          count('advocates'),
          count('customers'),
          real('median_spend_minor'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('value_snapshot_gems');
  }
}
