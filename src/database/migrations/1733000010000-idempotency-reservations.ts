import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { integer, longText, ref } from './table-helpers';
import { index } from './table-keys';

const TABLE = 'idempotency_records';
const RESOURCE_ID = ref('resource_id', true);
const CREATED_AT_INDEX = index('idx_idempotency_records_created_at', ['created_at']);

/**
 * Idempotency records become reservations that keep no personal data: the stored answer
 * (response_body, which held names and emails) is replaced by the id of the resource it
 * answered, read from it here, and the status is null while the first request is running.
 * Expired records are purged by created_at.
 */
export class IdempotencyReservations1733000010000 implements MigrationInterface {
  name = 'IdempotencyReservations1733000010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(TABLE, new TableColumn(RESOURCE_ID));
    const rows = (await queryRunner.query(`SELECT id, response_body FROM ${TABLE}`)) as {
      id: string;
      response_body: string;
    }[];
    for (const row of rows) {
      const resourceId = resourceIdOf(row.response_body);
      if (resourceId === null) continue;
      await queryRunner.manager
        .createQueryBuilder()
        .update(TABLE)
        .set({ resource_id: resourceId })
        .where('id = :id', { id: row.id })
        .execute();
    }
    await queryRunner.dropColumn(TABLE, 'response_body');
    await queryRunner.changeColumn(TABLE, 'status', new TableColumn(integer('status', true)));
    await createIndices(queryRunner, TABLE, [CREATED_AT_INDEX]);
  }

  /** The stored answers are gone for good: down leaves the completed records with a null body. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, TABLE, [CREATED_AT_INDEX]);
    await queryRunner.query(`DELETE FROM ${TABLE} WHERE status IS NULL`);
    await queryRunner.changeColumn(TABLE, 'status', new TableColumn(integer('status')));
    await queryRunner.addColumn(
      TABLE,
      new TableColumn({ ...longText('response_body', false), default: "'null'" }),
    );
    await queryRunner.dropColumn(TABLE, RESOURCE_ID.name);
  }
}

function resourceIdOf(responseBody: string): string | null {
  try {
    const body = JSON.parse(responseBody) as { id?: unknown } | null;
    return typeof body?.id === 'string' && body.id.length <= 36 ? body.id : null;
  } catch {
    return null;
  }
}
