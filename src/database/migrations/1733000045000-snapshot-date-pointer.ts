import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { ref, text, instant } from './table-helpers';
import { references } from './table-keys';

/**
 * Snapshots are written under their run and made current by a per-date pointer when the run
 * completes (DESIGN.md, Recompute lock): the rows of every run live in `value_snapshot_rows`,
 * `value_snapshot_dates` names the run whose rows are current for each date, and the view
 * `value_snapshots` (what every reader queries) keeps the rows of each date's current run. It
 * filters by a lookup of the pointer rather than joining it, so that the planner keeps walking
 * the rows' own indexes in their order (a join made SQLite sort a ranking page instead). A run still writing, or one that
 * died, is never read; a re-run of a date is swapped in whole when it completes.
 *
 * A later migration that alters `value_snapshot_rows` drops the view first and creates it again
 * after (`dropSnapshotView`, `createSnapshotView`): SQLite rebuilds a table to alter it, which a
 * view naming the table would refuse, and PostgreSQL fixes a view's columns when it is created.
 */
export const SNAPSHOT_VIEW = `CREATE VIEW value_snapshots AS
  SELECT s.* FROM value_snapshot_rows s
  WHERE s.run_id = (SELECT d.run_id FROM value_snapshot_dates d WHERE d.as_of_date = s.as_of_date)`;

export async function createSnapshotView(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(SNAPSHOT_VIEW);
}

export async function dropSnapshotView(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP VIEW IF EXISTS value_snapshots');
}

export class SnapshotDatePointer1733000045000 implements MigrationInterface {
  name = 'SnapshotDatePointer1733000045000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'value_snapshot_dates',
        columns: [
          { ...text('as_of_date', 10, false), isPrimary: true },
          ref('run_id'),
          instant('swapped_at'),
        ],
        foreignKeys: [references('run_id', 'value_runs')],
      }),
    );
    // Until now each date held the rows of one run; where a date held several (a merge moving
    // rows of an older run), its rows all belong to the date's latest run from here on.
    await queryRunner.query(
      `INSERT INTO value_snapshot_dates (as_of_date, run_id, swapped_at)
       SELECT s.as_of_date, MAX(s.run_id), ${Date.now()} FROM value_snapshots s
       JOIN value_runs r ON r.id = s.run_id GROUP BY s.as_of_date`,
    );
    await queryRunner.query(
      `UPDATE value_snapshots SET run_id = (SELECT d.run_id FROM value_snapshot_dates d
         WHERE d.as_of_date = value_snapshots.as_of_date)
       WHERE run_id <> (SELECT d.run_id FROM value_snapshot_dates d
         WHERE d.as_of_date = value_snapshots.as_of_date)`,
    );
    await queryRunner.query('ALTER TABLE value_snapshots RENAME TO value_snapshot_rows');
    // Two runs of a date hold a row each for a member until the later one is swapped in.
    await queryRunner.query('DROP INDEX uq_value_snapshots_member_date');
    await queryRunner.query(
      'CREATE UNIQUE INDEX uq_value_snapshot_rows_member_date_run ON value_snapshot_rows (member_id, as_of_date, run_id)',
    );
    await createSnapshotView(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSnapshotView(queryRunner);
    await queryRunner.query(
      `DELETE FROM value_snapshot_rows WHERE NOT EXISTS (SELECT 1 FROM value_snapshot_dates d
         WHERE d.as_of_date = value_snapshot_rows.as_of_date AND d.run_id = value_snapshot_rows.run_id)`,
    );
    await queryRunner.query('DROP INDEX uq_value_snapshot_rows_member_date_run');
    await queryRunner.query(
      'CREATE UNIQUE INDEX uq_value_snapshots_member_date ON value_snapshot_rows (member_id, as_of_date)',
    );
    await queryRunner.query('ALTER TABLE value_snapshot_rows RENAME TO value_snapshots');
    await queryRunner.dropTable('value_snapshot_dates');
  }
}
