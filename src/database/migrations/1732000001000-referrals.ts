import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, minorUnits, ref, text } from './table-helpers';

export class Referrals1732000001000 implements MigrationInterface {
  name = 'Referrals1732000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'referrals',
        columns: [
          id(),
          text('external_id', 200),
          ref('referrer_id'),
          ref('referee_member_id', true),
          text('referee_email', 320),
          text('referee_email_normalized', 320),
          text('code', 32, false),
          text('channel', 64),
          text('status', 16, false),
          minorUnits('reward_minor'),
          text('reward_currency', 3, false),
          minorUnits('base_reward_minor'),
          text('reward_rate', 32, false),
          instant('invited_at'),
          instant('signed_up_at', true),
          instant('converted_at', true),
          ref('converting_purchase_id', true),
          instant('voided_at', true),
          instant('approved_at', true),
          instant('rejected_at', true),
          { ...text('flags', 200, false), default: "''" },
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_referrals_external_id', columnNames: ['external_id'], isUnique: true },
          // A person has at most one referrer: once a member, and while only an email.
          {
            name: 'uq_referrals_referee_member',
            columnNames: ['referee_member_id'],
            isUnique: true,
          },
          {
            name: 'uq_referrals_pending_referee_email',
            columnNames: ['referee_email_normalized'],
            isUnique: true,
            where: 'referee_member_id IS NULL',
          },
          { name: 'ix_referrals_referrer_invited', columnNames: ['referrer_id', 'invited_at'] },
          { name: 'ix_referrals_invited', columnNames: ['invited_at', 'id'] },
          { name: 'ix_referrals_status_invited', columnNames: ['status', 'invited_at'] },
          { name: 'ix_referrals_converting_purchase', columnNames: ['converting_purchase_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['referrer_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['referee_member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['converting_purchase_id'],
            referencedTableName: 'purchases',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('referrals');
  }
}
