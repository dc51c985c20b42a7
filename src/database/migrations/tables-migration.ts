import { MigrationInterface, QueryRunner, Table, TableOptions } from 'typeorm';

/**
 * A migration that creates tables, in order: a table's foreign keys name only tables created
 * before it. Down drops them in the reverse order, so that no foreign key is left dangling.
 */
export abstract class TablesMigration implements MigrationInterface {
  abstract name: string;
  protected abstract readonly tables: TableOptions[];

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of this.tables) await queryRunner.createTable(new Table(table));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...this.tables].reverse()) await queryRunner.dropTable(table.name);
  }
}
