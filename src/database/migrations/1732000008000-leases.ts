import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, text } from './table-helpers';

export class Leases1732000008000 implements MigrationInterface {
  name = 'Leases1732000008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'leases',
        columns: [
          { name: 'name', type: 'varchar', length: '200', isPrimary: true },
          text('holder', 100, false),
          instant('expires_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('leases');
  }
}
