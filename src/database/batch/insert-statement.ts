import { EntityManager } from 'typeorm';
import { Driver } from 'typeorm/driver/Driver';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1_000;
/** Rows per statement on PostgreSQL, where the rows travel as one array per column. */
const UNNEST_ROWS = 5_000;

/** What a multi-row INSERT of one entity needs, worked out once per entity and database. */
interface InsertShape {
  columns: ColumnMetadata[];
  /** `INSERT INTO "table" ("a", "b") VALUES `: the rows' placeholders follow. */
  head: string;
  rowsPerStatement: number;
  /** The SQL for a number of rows, built once per size. */
  sqlBySize: Map<number, string>;
  /** PostgreSQL: the statement that inserts any number of rows from one array per column. */
  unnest: string | null;
}

const shapes = new WeakMap<EntityMetadata, InsertShape | null>();

/**
 * Inserts the rows in multi-row statements written from the entity's metadata, once per entity
 * and size: each value goes through the column's transformer and the driver's conversion, as
 * TypeORM's insert does, without its query builder (whose parameter bookkeeping cost more than
 * the insert itself: an import of mentions spent 0.6 s of 4 s in it). Answers false, having
 * written nothing, for an entity this cannot write (a database-side default expression, an
 * increment key): the caller then uses the query builder.
 */
export async function insertRows<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: T[],
): Promise<boolean> {
  const metadata = manager.connection.getMetadata(entity);
  const shape = shapeOf(manager, metadata);
  if (!shape) return false;
  const driver = manager.connection.driver;
  if (shape.unnest) {
    for (let start = 0; start < rows.length; start += UNNEST_ROWS) {
      const chunk = rows.slice(start, start + UNNEST_ROWS);
      const arrays = shape.columns.map((column) =>
        chunk.map((row) => persistentValue(driver, column, row)),
      );
      await manager.query(shape.unnest, arrays);
    }
    return true;
  }
  const sqlite = driver.options.type === 'better-sqlite3';
  for (let start = 0; start < rows.length; start += shape.rowsPerStatement) {
    const chunk = rows.slice(start, start + shape.rowsPerStatement);
    const parameters: unknown[] = [];
    for (const row of chunk)
      for (const column of shape.columns) {
        const value = persistentValue(driver, column, row);
        // better-sqlite3 binds a number as REAL ('5.0' in a text column): an integer as INTEGER.
        parameters.push(
          sqlite && typeof value === 'number' && Number.isSafeInteger(value)
            ? BigInt(value)
            : value,
        );
      }
    await manager.query(sqlFor(manager, shape, chunk.length), parameters);
  }
  return true;
}

/** The column's value as the database stores it: its default when the row has none. */
function persistentValue(driver: Driver, column: ColumnMetadata, row: object): unknown {
  let value: unknown = column.getEntityValue(row);
  if (value === undefined) value = column.default ?? null;
  return driver.preparePersistentValue(value, column) ?? null;
}

function shapeOf(manager: EntityManager, metadata: EntityMetadata): InsertShape | null {
  const known = shapes.get(metadata);
  if (known !== undefined) return known;
  const columns = metadata.columns.filter(
    (column) => column.isInsert && !column.isVirtual && !column.isVirtualProperty,
  );
  const writable = columns.every(
    (column) =>
      column.generationStrategy !== 'increment' &&
      column.generationStrategy !== 'rowid' &&
      typeof column.default !== 'function',
  );
  const escape = (name: string) => manager.connection.driver.escape(name);
  const shape = writable
    ? {
        columns,
        head: `INSERT INTO ${metadata.tablePath.split('.').map(escape).join('.')} (${columns
          .map((column) => escape(column.databaseName))
          .join(', ')}) VALUES `,
        rowsPerStatement: Math.max(
          1,
          Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)),
        ),
        sqlBySize: new Map<number, string>(),
        unnest: unnestSql(manager, metadata, columns),
      }
    : null;
  shapes.set(metadata, shape);
  return shape;
}

/**
 * On PostgreSQL, one array parameter per column (`SELECT * FROM unnest($1::bigint[], …)`): a
 * statement of 20 parameters instead of 20,000 is parsed and planned at once, whatever the
 * number of rows. Array and JSON columns keep the multi-row VALUES.
 */
function unnestSql(
  manager: EntityManager,
  metadata: EntityMetadata,
  columns: ColumnMetadata[],
): string | null {
  const driver = manager.connection.driver;
  if (driver.options.type !== 'postgres') return null;
  if (columns.some((column) => column.isArray || /json/.test(String(column.type)))) return null;
  const escape = (name: string) => driver.escape(name);
  return `INSERT INTO ${metadata.tablePath.split('.').map(escape).join('.')} (${columns
    .map((column) => escape(column.databaseName))
    .join(', ')}) SELECT * FROM unnest(${columns
    .map((column, index) => `$${index + 1}::${driver.normalizeType(column)}[]`)
    .join(', ')})`;
}

function sqlFor(manager: EntityManager, shape: InsertShape, rows: number): string {
  let sql = shape.sqlBySize.get(rows);
  if (sql) return sql;
  const postgres = manager.connection.driver.options.type === 'postgres';
  const width = shape.columns.length;
  const tuples: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    const placeholders = shape.columns.map((_, column) =>
      postgres ? `$${row * width + column + 1}` : '?',
    );
    tuples.push(`(${placeholders.join(', ')})`);
  }
  sql = shape.head + tuples.join(', ');
  shape.sqlBySize.set(rows, sql);
  return sql;
}
