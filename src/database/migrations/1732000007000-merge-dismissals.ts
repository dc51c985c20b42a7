import { id, instant } from './table-helpers';
import { index, references } from './table-keys';
import { TablesMigration } from './tables-migration';

/** Merge suggestions a manager dismissed: one row per unordered pair (smaller id first). */
export class MergeDismissals1732000007000 extends TablesMigration {
  name = 'MergeDismissals1732000007000';

  protected readonly tables = [
    {
      name: 'merge_dismissals',
      columns: [id('member_id'), id('other_member_id'), instant('created_at')],
      indices: [index('ix_merge_dismissals_other', ['other_member_id'])],
      checks: [{ name: 'ck_merge_dismissals_order', expression: 'member_id < other_member_id' }],
      foreignKeys: [
        references('member_id', 'members', 'CASCADE'),
        references('other_member_id', 'members', 'CASCADE'),
      ],
    },
  ];
}
