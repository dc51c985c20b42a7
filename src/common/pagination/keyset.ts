import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Page, decodeCursor, encodeCursor } from './cursor';

export interface KeysetOptions<T> {
  /** SQL for the sort column, e.g. `member.created_at`; must not be null. */
  sortColumn: string;
  idColumn: string;
  sortValue: (row: T) => string | number;
  rowId: (row: T) => string;
  order: 'ASC' | 'DESC';
  limit: number;
  cursor?: string;
}

/**
 * Stable cursor pagination: rows after (sort value, id) of the last row seen, so inserts
 * and deletes between pages neither repeat nor skip rows.
 */
export async function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
): Promise<Page<T>> {
  const total = await query.clone().getCount();
  const position = decodeCursor(options.cursor);
  const comparison = options.order === 'ASC' ? '>' : '<';
  if (position) {
    query.andWhere(
      `(${options.sortColumn} ${comparison} :cursorValue OR (${options.sortColumn} = :cursorValue AND ${options.idColumn} ${comparison} :cursorId))`,
      { cursorValue: position.value, cursorId: position.id },
    );
  }
  const rows = await query
    .orderBy(options.sortColumn, options.order)
    .addOrderBy(options.idColumn, options.order)
    .limit(options.limit + 1)
    .getMany();
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCursor({ value: options.sortValue(last), id: options.rowId(last) })
      : null;
  return { items, nextCursor, total };
}
