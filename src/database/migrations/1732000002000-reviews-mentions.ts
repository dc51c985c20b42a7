import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { count, flag, id, instant, integer, longText, real, ref, text } from './table-helpers';

export class ReviewsMentions1732000002000 implements MigrationInterface {
  name = 'ReviewsMentions1732000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
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
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_reviews_external_id', columnNames: ['external_id'], isUnique: true },
          {
            name: 'uq_reviews_platform_url',
            columnNames: ['platform', 'url_normalized'],
            isUnique: true,
          },
          { name: 'ix_reviews_member_published', columnNames: ['member_id', 'published_at'] },
          { name: 'ix_reviews_published', columnNames: ['published_at', 'id'] },
          { name: 'ix_reviews_product', columnNames: ['product'] },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
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
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_mentions_external_id', columnNames: ['external_id'], isUnique: true },
          { name: 'uq_mentions_url', columnNames: ['url_normalized'], isUnique: true },
          {
            name: 'uq_mentions_platform_post',
            columnNames: ['platform', 'external_post_id'],
            isUnique: true,
          },
          { name: 'ix_mentions_platform_handle', columnNames: ['platform', 'handle_normalized'] },
          { name: 'ix_mentions_member_posted', columnNames: ['member_id', 'posted_at'] },
          { name: 'ix_mentions_posted', columnNames: ['posted_at', 'id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'purchase_mention_urls',
        columns: [id('purchase_id'), text('url_normalized', 2000, false)],
        indices: [{ name: 'ix_purchase_mention_urls_url', columnNames: ['url_normalized'] }],
        foreignKeys: [
          {
            columnNames: ['purchase_id'],
            referencedTableName: 'purchases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['purchase_mention_urls', 'mentions', 'reviews']) {
      await queryRunner.dropTable(table);
    }
  }
}
