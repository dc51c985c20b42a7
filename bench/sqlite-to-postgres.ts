/**
 * Copies tables of a SQLite database into the same, empty tables of a migrated PostgreSQL
 * database, for benches whose data is generated through better-sqlite3 (bench/generated-brand.ts).
 * Rows are streamed (`.iterate()`) and written in batches of BATCH_ROWS, one array parameter per
 * column (`INSERT … SELECT * FROM unnest($1::type[], …)`: as many parameters as columns whatever
 * the batch, far from PostgreSQL's 65,535, and 3-4x faster here than multi-row VALUES), each value
 * converted by the PostgreSQL column's type. One batch is written while the next is read, so
 * memory stays at two batches whatever the table's size. As pg_restore does, a table's indexes
 * other than its constraints' are dropped while it fills and built again after (one sort each
 * instead of ten million random inserts; a unique index built again still refuses duplicates).
 */
import type { Database } from 'better-sqlite3';
import { DataSource, QueryRunner } from 'typeorm';

const BATCH_ROWS = 10_000;

interface PostgresColumn {
  column_name: string;
  data_type: string;
  udt_name: string;
}

type Value = string | number | bigint | Buffer | null;
type Converted = string | Buffer | null;

/** Copies each table (in the order given, parents before children), then ANALYZE; returns the rows copied per table. */
export async function copySqliteToPostgres(
  sqlite: Database,
  postgres: DataSource,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const runner = postgres.createQueryRunner();
  await runner.connect();
  try {
    // Index builds sort in memory rather than in temporary files.
    await runner.query("SET maintenance_work_mem = '256MB'");
    const copied: Record<string, number> = {};
    for (const table of tables) copied[table] = await copyTable(sqlite, runner, table);
    await runner.query('ANALYZE');
    return copied;
  } finally {
    await runner.release();
  }
}

async function copyTable(sqlite: Database, runner: QueryRunner, table: string): Promise<number> {
  const select = sqlite.prepare(`SELECT * FROM "${table}"`).raw(true);
  const names = select.columns().map((column) => column.name);
  const types = new Map(
    (
      (await runner.query(
        'SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
        [table],
      )) as PostgresColumn[]
    ).map((column) => [column.column_name, column]),
  );
  const columns = names.map((name) => {
    const column = types.get(name);
    if (!column) throw new Error(`${table}.${name} is not a PostgreSQL column`);
    return column;
  });
  const converters = columns.map((column) => converter(column.data_type));
  const insert = `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) SELECT * FROM unnest(${columns
    .map((column, index) => `$${index + 1}::"${column.udt_name}"[]`)
    .join(', ')})`;
  const indexes = (await runner.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1
       AND indexname NOT IN (SELECT index.relname FROM pg_constraint JOIN pg_class index ON index.oid = pg_constraint.conindid)`,
    [table],
  )) as { indexname: string; indexdef: string }[];
  for (const index of indexes) await runner.query(`DROP INDEX "${index.indexname}"`);

  let batch: Converted[][] = names.map(() => []);
  let batchRows = 0;
  let written = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    await pending;
    pending = runner.query(insert, batch);
    // Failures surface at the next `await pending`; this keeps them from counting as unhandled.
    pending.catch(() => undefined);
    written += batchRows;
    batch = names.map(() => []);
    batchRows = 0;
  };
  for (const row of select.iterate() as Iterable<Value[]>) {
    for (let index = 0; index < row.length; index += 1) {
      batch[index].push(converters[index](row[index]));
    }
    batchRows += 1;
    if (batchRows === BATCH_ROWS) await flush();
  }
  if (batchRows > 0) await flush();
  await pending;
  for (const index of indexes) await runner.query(index.indexdef);
  const [{ count }] = (await runner.query(`SELECT COUNT(*) AS count FROM "${table}"`)) as {
    count: string;
  }[];
  if (Number(count) !== written) {
    throw new Error(`${table}: ${written} rows copied but PostgreSQL holds ${count}`);
  }
  return written;
}

/** SQLite's value as the text PostgreSQL reads for the column's type (an array literal is text). */
function converter(dataType: string): (value: Value) => Converted {
  if (dataType === 'boolean') {
    return (value) => (value === null ? null : Number(value) !== 0 ? 'true' : 'false');
  }
  if (dataType.startsWith('timestamp') || dataType === 'date') {
    return (value) =>
      value === null
        ? null
        : typeof value === 'number'
          ? new Date(value).toISOString()
          : String(value);
  }
  if (dataType === 'bytea') {
    return (value) =>
      value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(String(value));
  }
  // Integers, numeric, double precision, text, varchar, uuid, json: their text form.
  return (value) => (value === null ? null : String(value));
}
