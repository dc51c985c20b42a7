import { TableColumnOptions } from 'typeorm';

/** Column shorthands for migrations, so that one set of migrations serves SQLite and PostgreSQL. */
export const id = (name = 'id', length = 36): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isPrimary: true,
});
export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
export const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const longText = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
export const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
});
export const minorUnits = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
});
export const count = (name: string): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: false,
  default: 0,
});
export const integer = (
  name: string,
  nullable = false,
  defaultValue?: number,
): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  default: defaultValue,
});
export const flag = (name: string, defaultValue = false): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: defaultValue,
});
export const real = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'double precision',
  isNullable: nullable,
});
/** created_at and updated_at, the two instants that close most tables. */
export const timestamps = (): TableColumnOptions[] => [
  instant('created_at'),
  instant('updated_at'),
];
