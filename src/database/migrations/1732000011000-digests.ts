import { flag, id, instant, integer, longText, ref, text, timestamps } from './table-helpers';
import { index, references, unique } from './table-keys';
import { TablesMigration } from './tables-migration';

export class Digests1732000011000 extends TablesMigration {
  name = 'Digests1732000011000';

  protected readonly tables = [
    {
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
        ...timestamps(),
      ],
      indices: [index('ix_digest_subscriptions_created', ['created_at', 'id'])],
    },
    {
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
        unique('uq_digest_claims_period', ['subscription_id', 'period_start', 'slot']),
        index('ix_digest_claims_open', ['status', 'lease_expires_at']),
      ],
      foreignKeys: [references('subscription_id', 'digest_subscriptions', 'CASCADE')],
    },
    {
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
        ...timestamps(),
      ],
      indices: [
        unique('uq_digest_deliveries_recipient', ['claim_id', 'recipient']),
        index('ix_digest_deliveries_created', ['created_at', 'id']),
        index('ix_digest_deliveries_subscription', ['subscription_id', 'created_at', 'id']),
      ],
      foreignKeys: [references('claim_id', 'digest_claims', 'CASCADE')],
    },
  ];
}
