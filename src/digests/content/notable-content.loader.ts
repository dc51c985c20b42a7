import { DataSource } from 'typeorm';
import { DigestPeriod } from '../schedule/digest-schedule';
import { ContentRow, DigestFilters } from './digest-content';
import { memberScope } from './member-scope';
import { rawQuery } from '../../database/sql';

const EXCERPT_LENGTH = 240;

/**
 * The period's new reviews (most viewed first) and mentions (widest reach first). Content by a
 * member who objects to profiling is left out; a mention whose handle has no member yet is shown
 * by its handle. (With a null member row, the scope's conditions hold unless a tag is asked for.)
 */
export async function notableContent(
  dataSource: DataSource,
  period: DigestPeriod,
  filters: DigestFilters,
  limit: number,
): Promise<ContentRow[]> {
  const parameters = {
    from: period.start,
    to: period.end,
    tag: filters.tag,
    platform: filters.platform,
  };
  const platform = (column: string) => (filters.platform ? `${column} = :platform` : '1 = 1');
  const reviews = await rawQuery(
    dataSource,
    `SELECT r.id, r.member_id, m.name, r.platform, r.title, r.body, r.url, r.rating, r.views, r.published_at
       FROM reviews r JOIN members m ON m.id = r.member_id
      WHERE r.published_at >= :from AND r.published_at < :to AND ${platform('r.platform')}
        AND ${memberScope('m', filters)}
      ORDER BY r.views DESC, r.helpful_votes DESC, r.published_at DESC, r.id
      LIMIT ${Math.trunc(limit)}`,
    parameters,
  );
  const mentions = await rawQuery(
    dataSource,
    `SELECT n.id, n.member_id, m.name, n.handle, n.platform, n.url, n.reach, n.posted_at
       FROM mentions n LEFT JOIN members m ON m.id = n.member_id
      WHERE n.posted_at >= :from AND n.posted_at < :to AND ${platform('n.platform')}
        AND ${memberScope('m', filters)}
      ORDER BY n.reach DESC, n.posted_at DESC, n.id
      LIMIT ${Math.trunc(limit)}`,
    parameters,
  );
  return [
    ...reviews.map((row): ContentRow => ({
      kind: 'review',
      id: row.string('id'),
      memberId: row.string('member_id'),
      author: row.stringOrNull('name'),
      platform: row.string('platform'),
      title: row.stringOrNull('title'),
      excerpt: excerpt(row.stringOrNull('body')),
      url: row.stringOrNull('url'),
      rating: row.numberOrNull('rating'),
      reach: row.number('views'),
      at: row.instant('published_at'),
    })),
    ...mentions.map((row): ContentRow => ({
      kind: 'mention',
      id: row.string('id'),
      memberId: row.stringOrNull('member_id'),
      author: row.stringOrNull('name') ?? `@${row.string('handle').replace(/^@/, '')}`,
      platform: row.string('platform'),
      title: null,
      excerpt: null,
      url: row.string('url'),
      rating: null,
      reach: row.number('reach'),
      at: row.instant('posted_at'),
    })),
  ];
}

function excerpt(text: string | null): string | null {
  if (text === null) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}
