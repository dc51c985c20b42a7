import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, integer, minorUnits, ref, text } from './table-helpers';

export class Foundation1732000000000 implements MigrationInterface {
  name = 'Foundation1732000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_secrets',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          text('value', 200, false),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          id(),
          text('external_id', 200),
          text('name', 200, false),
          text('channel', 64, false),
          minorUnits('spend_minor'),
          text('currency', 3, false),
          minorUnits('base_spend_minor'),
          text('rate', 32, false),
          instant('starts_at'),
          instant('ends_at'),
          integer('prospects', false, 0),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_campaigns_external_id', columnNames: ['external_id'], isUnique: true },
          { name: 'ix_campaigns_channel', columnNames: ['channel'] },
          { name: 'ix_campaigns_starts_at', columnNames: ['starts_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'members',
        columns: [
          id(),
          text('external_id', 200),
          text('email', 320),
          text('email_normalized', 320),
          text('name', 200),
          text('referral_code', 32, false),
          instant('acquired_at', true),
          text('acquired_at_source', 16),
          text('acquisition_channel', 64),
          ref('acquisition_campaign_id', true),
          instant('profiling_objection_at', true),
          ref('merged_into_id', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_members_external_id', columnNames: ['external_id'], isUnique: true },
          {
            name: 'uq_members_email_normalized',
            columnNames: ['email_normalized'],
            isUnique: true,
          },
          { name: 'uq_members_referral_code', columnNames: ['referral_code'], isUnique: true },
          { name: 'ix_members_created_at', columnNames: ['created_at', 'id'] },
          { name: 'ix_members_acquired_at', columnNames: ['acquired_at'] },
          { name: 'ix_members_channel', columnNames: ['acquisition_channel'] },
          { name: 'ix_members_campaign', columnNames: ['acquisition_campaign_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['acquisition_campaign_id'],
            referencedTableName: 'campaigns',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_tags',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tag', type: 'varchar', length: '64', isPrimary: true },
        ],
        indices: [{ name: 'ix_member_tags_tag', columnNames: ['tag', 'member_id'] }],
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
    await queryRunner.createTable(
      new Table({
        name: 'identities',
        columns: [
          id(),
          ref('member_id'),
          text('platform', 32, false),
          text('handle', 200, false),
          text('handle_normalized', 200, false),
          instant('created_at'),
        ],
        indices: [
          {
            name: 'uq_identities_platform_handle',
            columnNames: ['platform', 'handle_normalized'],
            isUnique: true,
          },
          { name: 'ix_identities_member', columnNames: ['member_id'] },
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
    await queryRunner.createTable(
      new Table({
        name: 'purchases',
        columns: [
          id(),
          text('external_id', 200, false),
          ref('member_id'),
          text('kind', 8, false),
          minorUnits('amount_minor'),
          text('currency', 3, false),
          minorUnits('base_amount_minor'),
          text('rate', 32, false),
          instant('occurred_at'),
          text('product', 200),
          text('product_category', 100),
          ref('refund_of_id', true),
          text('attribution_referral_code', 32),
          ref('attribution_review_id', true),
          ref('attribution_mention_id', true),
          text('attribution_mention_url', 2000),
          ref('attribution_event_id', true),
          ref('attribution_campaign_id', true),
          instant('created_at'),
        ],
        indices: [
          { name: 'uq_purchases_external_id', columnNames: ['external_id'], isUnique: true },
          { name: 'ix_purchases_member_occurred', columnNames: ['member_id', 'occurred_at'] },
          { name: 'ix_purchases_occurred', columnNames: ['occurred_at', 'id'] },
          { name: 'ix_purchases_refund_of', columnNames: ['refund_of_id'] },
          { name: 'ix_purchases_referral_code', columnNames: ['attribution_referral_code'] },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['refund_of_id'],
            referencedTableName: 'purchases',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['attribution_campaign_id'],
            referencedTableName: 'campaigns',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          id(),
          text('name', 100, false),
          text('role', 16, false),
          text('prefix', 24, false),
          text('secret_hash', 64, false),
          instant('created_at'),
          instant('last_used_at', true),
          instant('revoked_at', true),
        ],
        indices: [
          { name: 'uq_api_keys_secret_hash', columnNames: ['secret_hash'], isUnique: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'api_keys',
      'purchases',
      'identities',
      'member_tags',
      'members',
      'campaigns',
      'app_secrets',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
