import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, integer, longText, ref, text } from './table-helpers';
import { index, references } from './table-keys';

/**
 * A recompute's members in key-ordered chunks, each leased by the instance valuing it
 * (src/value/chunks): any instance on the database takes a pending chunk whose lease is free or
 * expired, so that several share one run and a chunk of one that died is valued again. The plan
 * (fitted model, calibration, settings) is stored beside the run so that every instance values
 * its chunks with the same one (its own table: adding a column to value_runs would rebuild that
 * table on SQLite, which value_snapshot_dates references).
 */
export class ValueRunChunks1733000125000 implements MigrationInterface {
  name = 'ValueRunChunks1733000125000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'value_run_plans',
        columns: [{ ...ref('run_id'), isPrimary: true }, longText('plan', false)],
        foreignKeys: [references('run_id', 'value_runs', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'value_run_chunks',
        columns: [
          { ...ref('run_id'), isPrimary: true },
          { ...integer('chunk_no'), isPrimary: true },
          ref('from_member_id', true),
          ref('to_member_id', true),
          text('status', 8, false),
          text('holder', 100),
          instant('lease_expires_at'),
          integer('attempts', false, 0),
          integer('members', false, 0),
          instant('done_at', true),
        ],
        foreignKeys: [references('run_id', 'value_runs', 'CASCADE')],
        indices: [index('ix_value_run_chunks_pending', ['status', 'lease_expires_at'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('value_run_chunks');
    await queryRunner.dropTable('value_run_plans');
  }
}
