import { MigrationInterface, QueryRunner, TableIndex, TableIndexOptions } from 'typeorm';

/**
 * The community metrics (src/advocates/metrics/community-counts.loader.ts) read each table by
 * date, or the orders member by member, from indexes that hold every column the statement
 * needs, so that no row is looked up in the table.
 */
const INDICES: Record<string, TableIndexOptions[]> = {
  purchases: [
    // One pass over every member's orders in member order gives the first order and the
    // orders in the period without a sort; the same index answers "orders of this member".
    {
      name: 'ix_purchases_orders_member',
      columnNames: ['member_id', 'occurred_at'],
      where: "kind = 'order'",
    },
    // First orders brought by community content: few orders name content.
    {
      name: 'ix_purchases_attributed_orders',
      columnNames: ['member_id', 'occurred_at'],
      where:
        "kind = 'order' AND (attribution_review_id IS NOT NULL OR attribution_mention_id IS NOT NULL OR attribution_event_id IS NOT NULL)",
    },
  ],
  referrals: [
    // Converted referrals by date (the referrer's activity) and by referee (an acquisition).
    {
      name: 'ix_referrals_conversions',
      columnNames: [
        'status',
        'rejected_at',
        'converted_at',
        'referrer_id',
        'referee_member_id',
        'flags',
        'approved_at',
      ],
    },
    {
      name: 'ix_referrals_invited_referrer',
      columnNames: ['invited_at', 'referrer_id', 'rejected_at'],
    },
  ],
  reviews: [
    {
      name: 'ix_reviews_published_member',
      columnNames: ['published_at', 'member_id', 'platform'],
    },
  ],
  mentions: [
    {
      name: 'ix_mentions_posted_measures',
      columnNames: [
        'posted_at',
        'platform',
        'handle_normalized',
        'member_id',
        'reach',
        'sentiment',
      ],
    },
  ],
  feedback: [
    {
      name: 'ix_feedback_accepted',
      columnNames: ['accepted_at', 'member_id', 'declined_at'],
    },
    { name: 'ix_feedback_shipped', columnNames: ['shipped_at', 'member_id'] },
  ],
};

export class CommunityMetrics1732000015000 implements MigrationInterface {
  name = 'CommunityMetrics1732000015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, indices] of Object.entries(INDICES))
      await queryRunner.createIndices(
        table,
        indices.map((index) => new TableIndex(index)),
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, indices] of Object.entries(INDICES))
      for (const index of indices) await queryRunner.dropIndex(table, index.name!);
  }
}
