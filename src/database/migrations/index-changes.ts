import { QueryRunner, TableIndex } from 'typeorm';
import { NamedIndex } from './table-keys';

/** Index changes to existing tables; indexes are created and dropped by name. */
export async function createIndices(
  queryRunner: QueryRunner,
  table: string,
  indices: NamedIndex[],
): Promise<void> {
  await queryRunner.createIndices(
    table,
    indices.map((options) => new TableIndex(options)),
  );
}
export async function dropIndices(
  queryRunner: QueryRunner,
  table: string,
  indices: NamedIndex[],
): Promise<void> {
  for (const { name } of indices) await queryRunner.dropIndex(table, name);
}
