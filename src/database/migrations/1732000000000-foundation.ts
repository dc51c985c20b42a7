import { id, instant, integer, minorUnits, ref, text, timestamps } from './table-helpers';
import { index, references, unique, uniqueExternalId } from './table-keys';
import { TablesMigration } from './tables-migration';

export class Foundation1732000000000 extends TablesMigration {
  name = 'Foundation1732000000000';

  protected readonly tables = [
    {
      name: 'app_secrets',
      columns: [id('name', 64), text('value', 200, false)],
    },
    {
      name: 'campaigns',
      columns: [
        id(),
        text('external_id', 200),
        text('name', 200, false),
        text('channel', 64, false),
        minorUnits('spend_minor'),
        text('currency', 3, false),
        minorUnits('base_spend_minor'),
        text('rate', 32, false),
        instant('starts_at'),
        instant('ends_at'),
        integer('prospects', false, 0),
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('campaigns'),
        index('ix_campaigns_channel', ['channel']),
        index('ix_campaigns_starts_at', ['starts_at']),
      ],
    },
    {
      name: 'members',
      columns: [
        id(),
        text('external_id', 200),
        text('email', 320),
        text('email_normalized', 320),
        text('name', 200),
        text('referral_code', 32, false),
        instant('acquired_at', true),
        text('acquired_at_source', 16),
        text('acquisition_channel', 64),
        ref('acquisition_campaign_id', true),
        instant('profiling_objection_at', true),
        ref('merged_into_id', true),
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('members'),
        unique('uq_members_email_normalized', ['email_normalized']),
        unique('uq_members_referral_code', ['referral_code']),
        index('ix_members_created_at', ['created_at', 'id']),
        index('ix_members_acquired_at', ['acquired_at']),
        index('ix_members_channel', ['acquisition_channel']),
        index('ix_members_campaign', ['acquisition_campaign_id']),
      ],
      foreignKeys: [references('acquisition_campaign_id', 'campaigns', 'SET NULL')],
    },
    {
      name: 'member_tags',
      columns: [id('member_id'), id('tag', 64)],
      indices: [index('ix_member_tags_tag', ['tag', 'member_id'])],
      foreignKeys: [references('member_id', 'members', 'CASCADE')],
    },
    {
      name: 'identities',
      columns: [
        id(),
        ref('member_id'),
        text('platform', 32, false),
        text('handle', 200, false),
        text('handle_normalized', 200, false),
        instant('created_at'),
      ],
      indices: [
        unique('uq_identities_platform_handle', ['platform', 'handle_normalized']),
        index('ix_identities_member', ['member_id']),
      ],
      foreignKeys: [references('member_id', 'members', 'CASCADE')],
    },
    {
      name: 'purchases',
      columns: [
        id(),
        text('external_id', 200, false),
        ref('member_id'),
        text('kind', 8, false),
        minorUnits('amount_minor'),
        text('currency', 3, false),
        minorUnits('base_amount_minor'),
        text('rate', 32, false),
        instant('occurred_at'),
        text('product', 200),
        text('product_category', 100),
        ref('refund_of_id', true),
        text('attribution_referral_code', 32),
        ref('attribution_review_id', true),
        ref('attribution_mention_id', true),
        text('attribution_mention_url', 2000),
        ref('attribution_event_id', true),
        ref('attribution_campaign_id', true),
        instant('created_at'),
      ],
      indices: [
        uniqueExternalId('purchases'),
        index('ix_purchases_member_occurred', ['member_id', 'occurred_at']),
        index('ix_purchases_occurred', ['occurred_at', 'id']),
        index('ix_purchases_refund_of', ['refund_of_id']),
        index('ix_purchases_referral_code', ['attribution_referral_code']),
      ],
      foreignKeys: [
        references('member_id', 'members'),
        references('refund_of_id', 'purchases'),
        references('attribution_campaign_id', 'campaigns', 'SET NULL'),
      ],
    },
    {
      name: 'api_keys',
      columns: [
        id(),
        text('name', 100, false),
        text('role', 16, false),
        text('prefix', 24, false),
        text('secret_hash', 64, false),
        instant('created_at'),
        instant('last_used_at', true),
        instant('revoked_at', true),
      ],
      indices: [unique('uq_api_keys_secret_hash', ['secret_hash'])],
    },
  ];
}
