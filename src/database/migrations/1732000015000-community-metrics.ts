import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index, NamedIndex } from './table-keys';

/**
 * The community metrics (src/advocates/metrics/community-counts.loader.ts) read each table by
 * date, or the orders member by member, from indexes that hold every column the statement
 * needs, so that no row is looked up in the table.
 */
const INDICES: Record<string, NamedIndex[]> = {
  purchases: [
    // One pass over every member's orders in member order gives the first order and the
    // orders in the period without a sort; the same index answers "orders of this member".
    index('ix_purchases_orders_member', ['member_id', 'occurred_at'], "kind = 'order'"),
    // First orders brought by community content: few orders name content.
    index(
      'ix_purchases_attributed_orders',
      ['member_id', 'occurred_at'],
      "kind = 'order' AND (attribution_review_id IS NOT NULL OR attribution_mention_id IS NOT NULL OR attribution_event_id IS NOT NULL)",
    ),
  ],
  referrals: [
    // Converted referrals by date (the referrer's activity) and by referee (an acquisition).
    index('ix_referrals_conversions', [
      'status',
      'rejected_at',
      'converted_at',
      'referrer_id',
      'referee_member_id',
      'flags',
      'approved_at',
    ]),
    index('ix_referrals_invited_referrer', ['invited_at', 'referrer_id', 'rejected_at']),
  ],
  reviews: [index('ix_reviews_published_member', ['published_at', 'member_id', 'platform'])],
  mentions: [
    index('ix_mentions_posted_measures', [
      'posted_at',
      'platform',
      'handle_normalized',
      'member_id',
      'reach',
      'sentiment',
    ]),
  ],
  feedback: [
    index('ix_feedback_accepted', ['accepted_at', 'member_id', 'declined_at']),
    index('ix_feedback_shipped', ['shipped_at', 'member_id']),
  ],
};

export class CommunityMetrics1732000015000 implements MigrationInterface {
  name = 'CommunityMetrics1732000015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, indices] of Object.entries(INDICES))
      await createIndices(queryRunner, table, indices);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, indices] of Object.entries(INDICES))
      await dropIndices(queryRunner, table, indices);
  }
}
