import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant } from './table-helpers';

const member = (column: string) => ({
  columnNames: [column],
  referencedTableName: 'members',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/** Merge suggestions a manager dismissed: one row per unordered pair (smaller id first). */
export class MergeDismissals1732000007000 implements MigrationInterface {
  name = 'MergeDismissals1732000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'merge_dismissals',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'other_member_id', type: 'varchar', length: '36', isPrimary: true },
          instant('created_at'),
        ],
        indices: [{ name: 'ix_merge_dismissals_other', columnNames: ['other_member_id'] }],
        checks: [{ name: 'ck_merge_dismissals_order', expression: 'member_id < other_member_id' }],
        foreignKeys: [member('member_id'), member('other_member_id')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('merge_dismissals');
  }
}
