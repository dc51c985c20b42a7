import {
  booleanValue,
  instantOrNullValue,
  instantValue,
  numberOrNullValue,
  numberValue,
  stringOrNullValue,
  stringValue,
} from './column-values';

/**
 * One row of a raw query, read column by column as the type the code expects
 * (`row.number('total')`, `row.stringOrNull('tier')`). Asking for a column the query did not
 * select throws: a misspelt alias fails at once rather than reading as undefined.
 */
export class ResultRow {
  constructor(private readonly values: Readonly<Record<string, unknown>>) {}

  /** The value as the driver returned it, for code that passes it on untouched. */
  raw(column: string): unknown {
    if (!(column in this.values)) throw new TypeError(`the query selected no column ${column}`);
    return this.values[column];
  }

  number(column: string): number {
    return numberValue(this.raw(column), column);
  }

  numberOrNull(column: string): number | null {
    return numberOrNullValue(this.raw(column), column);
  }

  /** Epoch milliseconds (bigint columns arrive as strings on PostgreSQL). */
  instant(column: string): number {
    return instantValue(this.raw(column), column);
  }

  instantOrNull(column: string): number | null {
    return instantOrNullValue(this.raw(column), column);
  }

  string(column: string): string {
    return stringValue(this.raw(column), column);
  }

  stringOrNull(column: string): string | null {
    return stringOrNullValue(this.raw(column), column);
  }

  boolean(column: string): boolean {
    return booleanValue(this.raw(column), column);
  }
}

/** Rows from TypeORM's getRawMany() or dataSource.query(), read the same way as rawQuery's. */
export function readRows(records: readonly Record<string, unknown>[]): ResultRow[] {
  return records.map((record) => new ResultRow(record));
}
