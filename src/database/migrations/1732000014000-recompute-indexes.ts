import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index } from './table-keys';

/**
 * What a recompute reads besides the orders: the refunds and the purchases that name content.
 * Both are a small share of all purchases, so partial indexes hold just them and the recompute
 * reads them without a scan of the whole table.
 */
const PURCHASE_INDICES = [
  index('ix_purchases_refunds', ['occurred_at'], "kind = 'refund'"),
  index(
    'ix_purchases_attributed',
    ['occurred_at'],
    'attribution_review_id IS NOT NULL OR attribution_mention_id IS NOT NULL OR attribution_event_id IS NOT NULL',
  ),
];

/** (as_of_date, extended_minor) is a prefix of ix_value_snapshots_date_extended_member. */
const REDUNDANT_SNAPSHOT_INDICES = [
  index('ix_value_snapshots_date_extended', ['as_of_date', 'extended_minor']),
];

export class RecomputeIndexes1732000014000 implements MigrationInterface {
  name = 'RecomputeIndexes1732000014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'purchases', PURCHASE_INDICES);
    await dropIndices(queryRunner, 'value_snapshots', REDUNDANT_SNAPSHOT_INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createIndices(queryRunner, 'value_snapshots', REDUNDANT_SNAPSHOT_INDICES);
    await dropIndices(queryRunner, 'purchases', PURCHASE_INDICES);
  }
}
