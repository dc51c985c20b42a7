import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index } from './table-keys';

/**
 * What the operations summary and /health read on every (cached) check: runs by status
 * (running, failed in a window, the last succeeded) and failed digest deliveries by when.
 */
const RUN_INDICES = [index('ix_value_runs_status_started', ['status', 'started_at'])];
const DELIVERY_INDICES = [index('ix_digest_deliveries_status_updated', ['status', 'updated_at'])];

export class SystemIndexes1733000050000 implements MigrationInterface {
  name = 'SystemIndexes1733000050000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'value_runs', RUN_INDICES);
    await createIndices(queryRunner, 'digest_deliveries', DELIVERY_INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'digest_deliveries', DELIVERY_INDICES);
    await dropIndices(queryRunner, 'value_runs', RUN_INDICES);
  }
}
