import {
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOperator,
  ObjectLiteral,
  Raw,
} from 'typeorm';
import { insertRows } from './insert-statement';

/**
 * Set-based writing of one batch of import rows (docs/architecture.md, "Imports"). A plan
 * looks up what the whole batch needs in a few queries, then decides each row in memory, in
 * file order, with the same rules as a single request; the new records are written by `flush`
 * in a few multi-row statements. A row the plan cannot settle from what it looked up (a merged
 * member, a refund, a refusal) throws NeedsRowPath or the DomainError of its refusal, and the
 * import writes it alone, as a single request would, after flushing what came before it.
 */
export interface BatchPlan<Dto> {
  /** The natural keys the row names: a key met twice in a batch sends the later rows down the row path. */
  keys(row: Dto): string[];
  /** What the row comes to; a new record is queued for the next flush. */
  decide(row: Dto): Promise<'created' | 'unchanged'>;
  /** Writes the queued records and runs their listeners; a constraint error undoes the batch. */
  flush(manager: EntityManager): Promise<void>;
}

/** The row needs the one-row path: what the plan looked up does not settle it. */
export class NeedsRowPath extends Error {
  constructor(reason: string) {
    super(`row path: ${reason}`);
  }
}

/** Up to this many rows per INSERT of the query builder: within both databases' limits. */
const ROWS_PER_STATEMENT = 200;

/** Inserts the rows in multi-row statements. */
export async function insertMany<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: T[],
): Promise<void> {
  if (!rows.length || (await insertRows(manager, entity, rows))) return;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    // Copies: on PostgreSQL, insert writes generated defaults back into the objects it gets.
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(chunk.map((row) => ({ ...row })) as never)
      .updateEntity(false)
      .execute();
  }
}

/** Splits a list of lookup values into chunks that fit in one IN (...). */
export function inChunks<T>(values: Iterable<T>, size = 500): T[][] {
  const all = [...new Set(values)];
  const chunks: T[][] = [];
  for (let start = 0; start < all.length; start += size)
    chunks.push(all.slice(start, start + size));
  return chunks;
}

/**
 * The rows that match any of many lookup values, one query per chunk of values: `where` builds
 * the conditions for one chunk (e.g. `{ externalId: In(chunk) }`).
 */
export async function findAmong<T extends ObjectLiteral, V>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Iterable<V>,
  where: (chunk: V[]) => FindManyOptions<T>['where'],
  options: Pick<FindManyOptions<T>, 'select' | 'relations'> = {},
): Promise<T[]> {
  const found: T[] = [];
  for (const chunk of inChunks(values))
    found.push(
      ...(await manager
        .getRepository(entity)
        .find({ ...options, where: withArrayParameters(where(chunk)) })),
    );
  return found;
}

/**
 * The same conditions with each `In(list)` as one array parameter. TypeORM's In makes a named
 * parameter per value, which its query builder then checks, copies and substitutes one by one:
 * about 1.5 ms for 500 values, a tenth of an import's time. `IN (:...name)` is expanded by the
 * driver's escaping in one pass and selects the same rows.
 */
function withArrayParameters<W>(where: W): W {
  let parameters = 0;
  const rewrite = (conditions: unknown): unknown => {
    if (Array.isArray(conditions)) return conditions.map(rewrite);
    if (!conditions || typeof conditions !== 'object' || conditions instanceof FindOperator)
      return conditions;
    return Object.fromEntries(
      Object.entries(conditions).map(([key, value]) => {
        if (!(value instanceof FindOperator) || value.type !== 'in') return [key, value];
        const list = value.value as unknown;
        if (!Array.isArray(list) || !list.length) return [key, value];
        const name = `among_${parameters++}`;
        return [key, Raw((column) => `${column} IN (:...${name})`, { [name]: list })];
      }),
    );
  };
  return rewrite(where) as W;
}

/** The rows by a key of theirs (the last row wins on a shared key). */
export function keyBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T> {
  return new Map(rows.map((row) => [key(row)!, row]));
}
