import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { index } from './table-keys';

/**
 * Members who object to profiling keep no value snapshot (engagement, tier, prediction): the
 * snapshots of current objectors are deleted, as an objection now deletes them at once. And
 * referral sign-ups, which now earn engagement and count as community activity, are read by
 * date from an index holding every column the community metrics need.
 */
const INDICES = [
  index(
    'ix_referrals_signed_up_referrer',
    ['signed_up_at', 'referrer_id', 'status', 'rejected_at', 'flags', 'approved_at'],
    'signed_up_at IS NOT NULL',
  ),
];

export class ProfilingObjectionEngagement1733000001000 implements MigrationInterface {
  name = 'ProfilingObjectionEngagement1733000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DELETE FROM value_snapshots WHERE member_id IN (SELECT id FROM members WHERE profiling_objection_at IS NOT NULL)',
    );
    await createIndices(queryRunner, 'referrals', INDICES);
  }

  /** The deleted snapshots are not restored: a withdrawn objection is valued at the next recompute. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'referrals', INDICES);
  }
}
