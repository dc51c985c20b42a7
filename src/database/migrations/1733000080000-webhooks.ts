import { flag, id, instant, integer, longText, ref, text, timestamps } from './table-helpers';
import { index, references, unique } from './table-keys';
import { TablesMigration } from './tables-migration';

/**
 * Webhooks: inbound sources (a shop or a signed generic sender), outbound subscriptions and
 * their deliveries. Secrets are stored encrypted (AES-256-GCM under an installation secret):
 * verifying an HMAC needs the secret itself, so a hash would not do.
 */
export class Webhooks1733000080000 extends TablesMigration {
  name = 'Webhooks1733000080000';

  protected readonly tables = [
    {
      name: 'webhook_sources',
      columns: [
        id(),
        text('kind', 16, false),
        text('name', 200, false),
        text('secret_ciphertext', 512, false),
        flag('enabled', true),
        instant('secret_rotated_at'),
        instant('last_received_at', true),
        ...timestamps(),
      ],
      indices: [index('ix_webhook_sources_created_at', ['created_at'])],
    },
    {
      name: 'webhook_subscriptions',
      columns: [
        id(),
        text('url', 2048, false),
        text('events', 200, false),
        text('description', 200),
        text('secret_ciphertext', 512, false),
        flag('enabled', true),
        instant('secret_rotated_at'),
        ...timestamps(),
      ],
      indices: [index('ix_webhook_subscriptions_created_at', ['created_at'])],
    },
    {
      name: 'webhook_deliveries',
      columns: [
        id(),
        ref('subscription_id'),
        ref('run_id'),
        integer('chunk', false, 0),
        longText('events', false),
        integer('event_count', false, 0),
        text('status', 16, false),
        integer('attempts', false, 0),
        instant('next_attempt_at', true),
        instant('lease_until', true),
        instant('last_attempt_at', true),
        instant('delivered_at', true),
        integer('last_status_code', true),
        text('last_error', 500),
        ...timestamps(),
      ],
      indices: [
        // A run's batch is queued once per subscription, however often the listener runs.
        unique('uq_webhook_deliveries_run', ['subscription_id', 'run_id', 'chunk']),
        index('ix_webhook_deliveries_due', ['status', 'next_attempt_at']),
        index('ix_webhook_deliveries_created_at', ['created_at']),
        index('ix_webhook_deliveries_status_created_at', ['status', 'created_at']),
      ],
      foreignKeys: [references('subscription_id', 'webhook_subscriptions', 'CASCADE')],
    },
  ];
}
