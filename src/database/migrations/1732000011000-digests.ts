import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { flag, id, instant, integer, longText, ref, text } from './table-helpers';

export class Digests1732000011000 implements MigrationInterface {
  name = 'Digests1732000011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'digest_subscriptions',
        columns: [
          id(),
          text('name', 200),
          longText('recipients', false),
          text('cadence', 8, false),
          text('weekday', 9),
          integer('day_of_month', true),
          text('cron', 100),
          text('timezone', 64, false),
          text('send_at', 5, false),
          text('language', 2, false),
          longText('sections', false),
          text('filter_tag', 64),
          text('filter_platform', 32),
          text('when_empty', 8, false),
          text('missed', 8, false),
          flag('active', true),
          instant('schedule_from'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [{ name: 'ix_digest_subscriptions_created', columnNames: ['created_at', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'digest_claims',
        columns: [
          id(),
          ref('subscription_id'),
          instant('period_start'),
          instant('period_end'),
          text('slot', 64, false),
          text('trigger', 16, false),
          text('status', 16, false),
          text('holder', 100, false),
          instant('lease_expires_at'),
          text('subject', 300),
          longText('html'),
          longText('text'),
          text('values_as_of', 10),
          instant('created_at'),
          instant('completed_at', true),
        ],
        indices: [
          {
            name: 'uq_digest_claims_period',
            columnNames: ['subscription_id', 'period_start', 'slot'],
            isUnique: true,
          },
          { name: 'ix_digest_claims_open', columnNames: ['status', 'lease_expires_at'] },
        ],
        foreignKeys: [
          {
            columnNames: ['subscription_id'],
            referencedTableName: 'digest_subscriptions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'digest_deliveries',
        columns: [
          id(),
          ref('claim_id'),
          ref('subscription_id'),
          text('recipient', 320, false),
          instant('period_start'),
          instant('period_end'),
          text('message_id', 300, false),
          text('status', 16, false),
          integer('attempts', false, 0),
          instant('last_attempt_at', true),
          instant('next_attempt_at', true),
          text('last_response', 1000),
          instant('sent_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          {
            name: 'uq_digest_deliveries_recipient',
            columnNames: ['claim_id', 'recipient'],
            isUnique: true,
          },
          { name: 'ix_digest_deliveries_created', columnNames: ['created_at', 'id'] },
          {
            name: 'ix_digest_deliveries_subscription',
            columnNames: ['subscription_id', 'created_at', 'id'],
          },
        ],
        foreignKeys: [
          {
            columnNames: ['claim_id'],
            referencedTableName: 'digest_claims',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digest_deliveries');
    await queryRunner.dropTable('digest_claims');
    await queryRunner.dropTable('digest_subscriptions');
  }
}
