import { TableForeignKeyOptions, TableIndexOptions } from 'typeorm';

/** An index a migration creates by name, and so can drop by name. */
export type NamedIndex = TableIndexOptions & { name: string };

/** A foreign key to the id of `table`; without onDelete the database's default (no action) holds. */
export const references = (
  column: string,
  table: string,
  onDelete?: 'CASCADE' | 'SET NULL',
): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});
export const index = (name: string, columnNames: string[], where?: string): NamedIndex => ({
  name,
  columnNames,
  where,
});
export const unique = (name: string, columnNames: string[], where?: string): NamedIndex => ({
  ...index(name, columnNames, where),
  isUnique: true,
});
/** The unique index every table with an external_id has, named after the table. */
export const uniqueExternalId = (table: string): NamedIndex =>
  unique(`uq_${table}_external_id`, ['external_id']);
