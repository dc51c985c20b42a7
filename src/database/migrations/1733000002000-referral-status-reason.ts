import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from './table-helpers';

/**
 * Why a referral stays where it is when its referee bought: `firstOrderBeforeInvitation` for a
 * pending referral whose referee's first order came before the invitation (it cannot convert).
 */
const COLUMN = text('status_reason', 64);

export class ReferralStatusReason1733000002000 implements MigrationInterface {
  name = 'ReferralStatusReason1733000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('referrals', new TableColumn(COLUMN));
    // Referrals already in that state get their reason: pending, a linked referee whose first
    // order came before the invitation.
    await queryRunner.query(
      `UPDATE referrals SET status_reason = 'firstOrderBeforeInvitation'
        WHERE status IN ('invited', 'signed_up') AND referee_member_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = referrals.referee_member_id
                        AND p.kind = 'order' AND p.occurred_at < referrals.invited_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('referrals', COLUMN.name);
  }
}
