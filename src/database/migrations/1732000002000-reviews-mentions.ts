import {
  count,
  flag,
  id,
  instant,
  integer,
  longText,
  real,
  ref,
  text,
  timestamps,
} from './table-helpers';
import { index, references, unique, uniqueExternalId } from './table-keys';
import { TablesMigration } from './tables-migration';

export class ReviewsMentions1732000002000 extends TablesMigration {
  name = 'ReviewsMentions1732000002000';

  protected readonly tables = [
    {
      name: 'reviews',
      columns: [
        id(),
        text('external_id', 200),
        ref('member_id'),
        text('product', 200, false),
        integer('rating'),
        text('title', 300),
        longText('body'),
        text('platform', 32, false),
        text('url', 2000),
        text('url_normalized', 2000),
        instant('published_at'),
        count('views'),
        count('helpful_votes'),
        flag('verified_purchase'),
        text('verified_purchase_source', 8, false),
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('reviews'),
        unique('uq_reviews_platform_url', ['platform', 'url_normalized']),
        index('ix_reviews_member_published', ['member_id', 'published_at']),
        index('ix_reviews_published', ['published_at', 'id']),
        index('ix_reviews_product', ['product']),
      ],
      foreignKeys: [references('member_id', 'members')],
    },
    {
      name: 'mentions',
      columns: [
        id(),
        text('external_id', 200),
        text('platform', 32, false),
        text('handle', 200, false),
        text('handle_normalized', 200, false),
        ref('member_id', true),
        text('url', 2000, false),
        text('url_normalized', 2000, false),
        text('external_post_id', 200),
        instant('posted_at'),
        count('reach'),
        count('likes'),
        count('shares'),
        count('comments'),
        count('clicks'),
        real('sentiment'),
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('mentions'),
        unique('uq_mentions_url', ['url_normalized']),
        unique('uq_mentions_platform_post', ['platform', 'external_post_id']),
        index('ix_mentions_platform_handle', ['platform', 'handle_normalized']),
        index('ix_mentions_member_posted', ['member_id', 'posted_at']),
        index('ix_mentions_posted', ['posted_at', 'id']),
      ],
      foreignKeys: [references('member_id', 'members', 'SET NULL')],
    },
    {
      name: 'purchase_mention_urls',
      columns: [id('purchase_id'), text('url_normalized', 2000, false)],
      indices: [index('ix_purchase_mention_urls_url', ['url_normalized'])],
      foreignKeys: [references('purchase_id', 'purchases', 'CASCADE')],
    },
  ];
}
