/**
 * The import bench's baseline: the same rows, parsed from the same file by the same reader,
 * written by raw prepared inserts into a copy of the record's table (same columns, same unique
 * and lookup indexes) in one transaction, with no rule at all, ids as the importers make them
 * (time-ordered). On SQLite one prepared single-row INSERT run per row; on PostgreSQL INSERT …
 * SELECT FROM unnest(one array per column) of 5,000 rows (a prepared single row would measure
 * the network round trip, not the database).
 */
import { randomUUID } from 'node:crypto';
import { newRecordId } from '../src/common/ids/time-ordered-uuid';
import type { Statement } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { sqliteConnection } from '../src/database/sql/dialect';

type RawRow = Record<string, unknown>;

/** Creates `bench_raw_<table>` with the table's columns, constraints and indexes (emptied first). */
export async function copyTable(dataSource: DataSource, table: string): Promise<string> {
  const copy = `bench_raw_${table}`;
  await dataSource.query(`DROP TABLE IF EXISTS ${copy}`);
  if (dataSource.options.type === 'postgres') {
    await dataSource.query(`CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL)`);
    return copy;
  }
  const ddl = (await dataSource.query(
    `SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC`,
    [table],
  )) as { sql: string }[];
  for (const { sql } of ddl)
    await dataSource.query(
      sql
        .replace(/^CREATE TABLE "?\w+"?/, `CREATE TABLE "${copy}"`)
        .replace(/INDEX "(\w+)" ON "\w+"/, `INDEX "bench_raw_$1" ON "${copy}"`),
    );
  return copy;
}

/** Writes the rows in one transaction; answers the number written. */
export async function insertRaw(
  dataSource: DataSource,
  table: string,
  rows: AsyncIterable<RawRow>,
): Promise<number> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let count = 0;
  try {
    await runner.startTransaction();
    if (dataSource.options.type === 'postgres') {
      const types = new Map(
        (
          (await runner.query(
            'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
            [table],
          )) as { column_name: string; data_type: string }[]
        ).map((row) => [row.column_name, row.data_type]),
      );
      let chunk: RawRow[] = [];
      const flush = async () => {
        if (!chunk.length) return;
        const columns = Object.keys(chunk[0]);
        await runner.query(
          `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${columns
            .map((column, index) => `$${index + 1}::${types.get(column)}[]`)
            .join(', ')})`,
          columns.map((column) => chunk.map((row) => row[column])),
        );
        chunk = [];
      };
      for await (const row of rows) {
        chunk.push(row);
        count += 1;
        if (chunk.length === 5000) await flush();
      }
      await flush();
    } else {
      // The one connection better-sqlite3 has: the runner's transaction is open on it.
      const sqlite = sqliteConnection(dataSource)!;
      let insert: Statement | undefined;
      for await (const row of rows) {
        const columns = Object.keys(row);
        insert ??= sqlite.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        insert.run(...columns.map((column) => row[column]));
        count += 1;
      }
    }
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
  return count;
}

const str = (value: unknown): string => String(value);
const num = (value: unknown): number => Number(value);

/** A parsed row as the raw columns of its record, with no rule applied. */
export function rawRow(
  type: string,
  dto: Record<string, unknown>,
  memberIds: Map<string, string>,
): RawRow {
  const now = Date.now();
  switch (type) {
    case 'members':
      return {
        id: newRecordId(),
        external_id: dto.externalId ?? null,
        email: dto.email ?? null,
        email_normalized: dto.email ? str(dto.email).toLowerCase() : null,
        name: dto.name ?? null,
        referral_code: randomUUID().slice(0, 12),
        created_at: now,
        updated_at: now,
      };
    case 'purchases':
      return {
        id: newRecordId(),
        external_id: dto.externalId,
        member_id: memberIds.get(str(dto.memberExternalId)),
        kind: 'order',
        amount_minor: Math.round(num(dto.amount) * 100),
        currency: dto.currency,
        base_amount_minor: Math.round(num(dto.amount) * 100),
        rate: '1',
        occurred_at: Date.parse(str(dto.occurredAt)),
        created_at: now,
      };
    default:
      return {
        id: newRecordId(),
        platform: dto.platform,
        handle: dto.handle,
        handle_normalized: str(dto.handle).toLowerCase(),
        url: dto.url,
        url_normalized: str(dto.url).split('?')[0],
        posted_at: Date.parse(str(dto.postedAt)),
        reach: num(dto.reach ?? 0),
        likes: num(dto.likes ?? 0),
        shares: num(dto.shares ?? 0),
        comments: num(dto.comments ?? 0),
        sentiment: dto.sentiment === undefined ? null : num(dto.sentiment),
        created_at: now,
        updated_at: now,
      };
  }
}
