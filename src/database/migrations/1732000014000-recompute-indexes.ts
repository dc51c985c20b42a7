import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * What a recompute reads besides the orders: the refunds and the purchases that name content.
 * Both are a small share of all purchases, so partial indexes hold just them and the recompute
 * reads them without a scan of the whole table.
 */
const PURCHASE_INDICES = [
  { name: 'ix_purchases_refunds', columnNames: ['occurred_at'], where: "kind = 'refund'" },
  {
    name: 'ix_purchases_attributed',
    columnNames: ['occurred_at'],
    where:
      'attribution_review_id IS NOT NULL OR attribution_mention_id IS NOT NULL OR attribution_event_id IS NOT NULL',
  },
];

/** (as_of_date, extended_minor) is a prefix of ix_value_snapshots_date_extended_member. */
const REDUNDANT_SNAPSHOT_INDEX = {
  name: 'ix_value_snapshots_date_extended',
  columnNames: ['as_of_date', 'extended_minor'],
};

export class RecomputeIndexes1732000014000 implements MigrationInterface {
  name = 'RecomputeIndexes1732000014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices(
      'purchases',
      PURCHASE_INDICES.map((index) => new TableIndex(index)),
    );
    await queryRunner.dropIndex('value_snapshots', REDUNDANT_SNAPSHOT_INDEX.name);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('value_snapshots', new TableIndex(REDUNDANT_SNAPSHOT_INDEX));
    for (const index of PURCHASE_INDICES) await queryRunner.dropIndex('purchases', index.name);
  }
}
