import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { createIndices, dropIndices } from './index-changes';
import { longText, minorUnits } from './table-helpers';
import { index } from './table-keys';

/**
 * Advocacy value (referral + influence + knowledge: what a member is worth through others)
 * on every snapshot, backfilled from the stored components, with its ranking index; and the
 * tier's reason (thresholds met, what the next tier up misses) as codes and amounts.
 */
const COLUMNS = [{ ...minorUnits('advocacy_minor'), default: 0 }, longText('tier_reason')];

const INDICES = [
  index('ix_value_snapshots_date_advocacy', ['as_of_date', 'advocacy_minor', 'member_id']),
];

export class AdvocacyValue1733000000000 implements MigrationInterface {
  name = 'AdvocacyValue1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(
      'value_snapshots',
      COLUMNS.map((column) => new TableColumn(column)),
    );
    await queryRunner.query(
      'UPDATE value_snapshots SET advocacy_minor = referral_minor + influence_minor + knowledge_minor',
    );
    await createIndices(queryRunner, 'value_snapshots', INDICES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndices(queryRunner, 'value_snapshots', INDICES);
    await queryRunner.dropColumns(
      'value_snapshots',
      COLUMNS.map((column) => column.name),
    );
  }
}
