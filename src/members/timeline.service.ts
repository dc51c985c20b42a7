import { ReasonLanguage } from '../common/language/reason-language';
import { TimelineWords } from './timeline-words';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { invalidField } from '../common/errors/domain-error';
import { Page, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { TIMELINE_TYPES, TimelineItemDto, TimelineQuery, TimelineType } from './dto/timeline.dto';
import { MembersService } from './members.service';
import { TimelineItems, TimelineRow } from './timeline-items';
import { TimelineSource, TimelineSources } from './timeline-sources';

interface Position {
  occurredAt: number;
  type: TimelineType;
  id: string;
}

/**
 * One member's purchases and activity, newest first. Each type is read with its own keyset
 * query of at most limit + 1 rows after the cursor, and the pages merged in memory: the first
 * `limit` rows of the union are always among them. Order: occurredAt, then type, then id, all
 * descending, so that the cursor (occurredAt, type, id) never repeats or skips a row.
 */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly items: TimelineItems,
    private readonly sources: TimelineSources,
  ) {}

  async page(
    memberId: string,
    query: TimelineQuery,
    language: ReasonLanguage = 'en',
  ): Promise<Page<TimelineItemDto>> {
    await this.members.get(memberId);
    // Only the types whose modules registered a source (in the app, every type).
    const sources = TIMELINE_TYPES.filter(
      (type) => !query.type?.length || query.type.includes(type),
    )
      .map((type) => this.sources.get(type))
      .filter((source): source is TimelineSource => source !== undefined);
    const limit = query.limit ?? 50;
    const after = decodePosition(query.cursor);
    let total = 0;
    const rows: TimelineRow[] = [];
    for (const source of sources) {
      const fetched = await this.fetch(source, memberId, after, limit + 1);
      total += fetched.total;
      rows.push(...fetched.rows);
    }
    rows.sort(newestFirst);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: await this.items.describe(items, new TimelineWords(language)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ value: last.occurredAt, id: `${last.type}:${last.id}` })
          : null,
      total,
    };
  }

  private async fetch(
    source: TimelineSource,
    memberId: string,
    after: Position | undefined,
    take: number,
  ): Promise<{ rows: TimelineRow[]; total: number }> {
    const builder = this.dataSource
      .getRepository(source.entity)
      .createQueryBuilder(source.alias)
      .where(`${source.memberColumn} = :memberId`, { memberId });
    const total = await builder.clone().getCount();
    const occurred = source.occurredColumn;
    const id = `${source.alias}.id`;
    if (after) {
      // With the type fixed per query, "after (at, type, id)" in descending order reads:
      if (source.type < after.type)
        builder.andWhere(`${occurred} <= :at`, { at: after.occurredAt });
      else if (source.type > after.type)
        builder.andWhere(`${occurred} < :at`, { at: after.occurredAt });
      else
        builder.andWhere(
          new Brackets((where) =>
            where
              .where(`${occurred} < :at`, { at: after.occurredAt })
              .orWhere(`(${occurred} = :at AND ${id} < :afterId)`, { afterId: after.id }),
          ),
        );
    }
    const records = await builder
      .orderBy(occurred, 'DESC')
      .addOrderBy(id, 'DESC')
      .limit(take)
      .getMany();
    return {
      total,
      rows: records.map((record) => ({
        type: source.type,
        id: String(record.id),
        occurredAt: source.occurredAt(record),
        record,
      })),
    };
  }
}

function newestFirst(left: TimelineRow, right: TimelineRow): number {
  if (left.occurredAt !== right.occurredAt) return right.occurredAt - left.occurredAt;
  if (left.type !== right.type) return left.type < right.type ? 1 : -1;
  return left.id < right.id ? 1 : left.id > right.id ? -1 : 0;
}

function decodePosition(cursor: string | undefined): Position | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const separator = position.id.indexOf(':');
  const type = position.id.slice(0, separator) as TimelineType;
  if (typeof position.value !== 'number' || separator < 0 || !TIMELINE_TYPES.includes(type))
    throw invalidField('cursor', 'is not a cursor this API gave out', 'invalidCursor');
  return { occurredAt: position.value, type, id: position.id.slice(separator + 1) };
}
