import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { longText } from './table-helpers';

/**
 * The seeds' simple formula beside each snapshot's fitted prediction (JSON: the member's average
 * order, orders a year, remaining relationship years, their product as revenue and as discounted
 * margin). Snapshots stored before have none (null) until the next recompute of their date.
 */
const COLUMN = longText('simple_formula');

export class SnapshotSimpleFormula1733000005000 implements MigrationInterface {
  name = 'SnapshotSimpleFormula1733000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('value_snapshots', new TableColumn(COLUMN));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('value_snapshots', COLUMN.name);
  }
}
