import { id, instant, minorUnits, ref, text, timestamps } from './table-helpers';
import { index, references, unique, uniqueExternalId } from './table-keys';
import { TablesMigration } from './tables-migration';

export class Referrals1732000001000 extends TablesMigration {
  name = 'Referrals1732000001000';

  protected readonly tables = [
    {
      name: 'referrals',
      columns: [
        id(),
        text('external_id', 200),
        ref('referrer_id'),
        ref('referee_member_id', true),
        text('referee_email', 320),
        text('referee_email_normalized', 320),
        text('code', 32, false),
        text('channel', 64),
        text('status', 16, false),
        minorUnits('reward_minor'),
        text('reward_currency', 3, false),
        minorUnits('base_reward_minor'),
        text('reward_rate', 32, false),
        instant('invited_at'),
        instant('signed_up_at', true),
        instant('converted_at', true),
        ref('converting_purchase_id', true),
        instant('voided_at', true),
        instant('approved_at', true),
        instant('rejected_at', true),
        { ...text('flags', 200, false), default: "''" },
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('referrals'),
        // A person has at most one referrer: once a member, and while only an email.
        unique('uq_referrals_referee_member', ['referee_member_id']),
        unique(
          'uq_referrals_pending_referee_email',
          ['referee_email_normalized'],
          'referee_member_id IS NULL',
        ),
        index('ix_referrals_referrer_invited', ['referrer_id', 'invited_at']),
        index('ix_referrals_invited', ['invited_at', 'id']),
        index('ix_referrals_status_invited', ['status', 'invited_at']),
        index('ix_referrals_converting_purchase', ['converting_purchase_id']),
      ],
      foreignKeys: [
        references('referrer_id', 'members'),
        references('referee_member_id', 'members'),
        references('converting_purchase_id', 'purchases', 'SET NULL'),
      ],
    },
  ];
}
