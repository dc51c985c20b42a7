import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index } from './table-keys';

/**
 * What the operations summary and /health read on every (cached) check: failed outbound
 * deliveries by when they gave up (their last attempt), counted over a day and listed newest
 * first. Failed rows are never purged, so the status prefix alone would scan them all.
 */
const DELIVERY_INDICES = [
  index('ix_webhook_deliveries_status_attempted', ['status', 'last_attempt_at']),
];

export class WebhookFailureIndex1733000090000 implements MigrationInterface {
  name = 'WebhookFailureIndex1733000090000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'webhook_deliveries', DELIVERY_INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'webhook_deliveries', DELIVERY_INDICES);
  }
}
