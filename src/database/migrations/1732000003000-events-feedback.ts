import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, longText, minorUnits, ref, text } from './table-helpers';

const members = (column: string) => ({
  columnNames: [column],
  referencedTableName: 'members',
  referencedColumnNames: ['id'],
});

/** Events, attendance with the guests brought, and product feedback. */
export class EventsFeedback1732000003000 implements MigrationInterface {
  name = 'EventsFeedback1732000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'events',
        columns: [
          id(),
          text('external_id', 200),
          text('name', 200, false),
          text('kind', 16, false),
          instant('starts_at'),
          instant('ends_at', true),
          text('location', 500),
          minorUnits('cost_minor'),
          text('currency', 3, false),
          minorUnits('base_cost_minor'),
          text('rate', 32, false),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_events_external_id', columnNames: ['external_id'], isUnique: true },
          // The natural key holds only for events without an externalId.
          {
            name: 'uq_events_name_starts_at',
            columnNames: ['name', 'starts_at'],
            isUnique: true,
            where: 'external_id IS NULL',
          },
          { name: 'ix_events_starts_at', columnNames: ['starts_at', 'id'] },
          { name: 'ix_events_kind', columnNames: ['kind', 'starts_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'event_attendance',
        columns: [
          id(),
          text('external_id', 200),
          ref('event_id'),
          ref('member_id', true),
          text('email', 320),
          text('email_normalized', 320),
          text('role', 16, false),
          text('status', 16, false),
          instant('registered_at'),
          instant('attended_at', true),
          instant('no_show_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          {
            name: 'uq_event_attendance_external_id',
            columnNames: ['external_id'],
            isUnique: true,
          },
          {
            name: 'uq_event_attendance_event_member',
            columnNames: ['event_id', 'member_id'],
            isUnique: true,
          },
          {
            name: 'uq_event_attendance_event_email',
            columnNames: ['event_id', 'email_normalized'],
            isUnique: true,
          },
          {
            name: 'ix_event_attendance_event_registered',
            columnNames: ['event_id', 'registered_at', 'id'],
          },
          { name: 'ix_event_attendance_member', columnNames: ['member_id'] },
          { name: 'ix_event_attendance_email', columnNames: ['email_normalized'] },
        ],
        foreignKeys: [
          {
            columnNames: ['event_id'],
            referencedTableName: 'events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          members('member_id'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'event_guests',
        columns: [
          id(),
          ref('attendance_id'),
          ref('event_id'),
          ref('guest_member_id', true),
          text('guest_email', 320),
          text('guest_email_normalized', 320),
          instant('created_at'),
        ],
        indices: [
          {
            name: 'uq_event_guests_attendance_member',
            columnNames: ['attendance_id', 'guest_member_id'],
            isUnique: true,
          },
          {
            name: 'uq_event_guests_attendance_email',
            columnNames: ['attendance_id', 'guest_email_normalized'],
            isUnique: true,
          },
          { name: 'ix_event_guests_event', columnNames: ['event_id'] },
          { name: 'ix_event_guests_member', columnNames: ['guest_member_id'] },
          { name: 'ix_event_guests_email', columnNames: ['guest_email_normalized'] },
        ],
        foreignKeys: [
          {
            columnNames: ['attendance_id'],
            referencedTableName: 'event_attendance',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['event_id'],
            referencedTableName: 'events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          members('guest_member_id'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'feedback',
        columns: [
          id(),
          text('external_id', 200),
          ref('member_id'),
          text('kind', 16, false),
          longText('text', false),
          text('text_hash', 64, false),
          text('status', 16, false),
          instant('submitted_at'),
          instant('accepted_at', true),
          instant('shipped_at', true),
          instant('declined_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_feedback_external_id', columnNames: ['external_id'], isUnique: true },
          // The natural key holds only for feedback without an externalId.
          {
            name: 'uq_feedback_member_text_submitted',
            columnNames: ['member_id', 'text_hash', 'submitted_at'],
            isUnique: true,
            where: 'external_id IS NULL',
          },
          { name: 'ix_feedback_submitted', columnNames: ['submitted_at', 'id'] },
          { name: 'ix_feedback_member_submitted', columnNames: ['member_id', 'submitted_at'] },
          { name: 'ix_feedback_status_submitted', columnNames: ['status', 'submitted_at'] },
        ],
        foreignKeys: [members('member_id')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['feedback', 'event_guests', 'event_attendance', 'events']) {
      await queryRunner.dropTable(table);
    }
  }
}
