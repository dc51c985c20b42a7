import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, integer, longText, ref, text } from './table-helpers';

export class IdempotencyRecords1732000005000 implements MigrationInterface {
  name = 'IdempotencyRecords1732000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          id(),
          ref('api_key_id'),
          text('key', 200, false),
          text('route', 300, false),
          text('request_hash', 64, false),
          integer('status'),
          longText('response_body', false),
          instant('created_at'),
        ],
        indices: [
          {
            name: 'uq_idempotency_records_key',
            columnNames: ['api_key_id', 'key'],
            isUnique: true,
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_records');
  }
}
