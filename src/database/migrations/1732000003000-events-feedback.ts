import { id, instant, longText, minorUnits, ref, text, timestamps } from './table-helpers';
import { index, references, unique, uniqueExternalId } from './table-keys';
import { TablesMigration } from './tables-migration';

/** Events, attendance with the guests brought, and product feedback. */
export class EventsFeedback1732000003000 extends TablesMigration {
  name = 'EventsFeedback1732000003000';

  protected readonly tables = [
    {
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
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('events'),
        // The natural key holds only for events without an externalId.
        unique('uq_events_name_starts_at', ['name', 'starts_at'], 'external_id IS NULL'),
        index('ix_events_starts_at', ['starts_at', 'id']),
        index('ix_events_kind', ['kind', 'starts_at']),
      ],
    },
    {
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
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('event_attendance'),
        unique('uq_event_attendance_event_member', ['event_id', 'member_id']),
        unique('uq_event_attendance_event_email', ['event_id', 'email_normalized']),
        index('ix_event_attendance_event_registered', ['event_id', 'registered_at', 'id']),
        index('ix_event_attendance_member', ['member_id']),
        index('ix_event_attendance_email', ['email_normalized']),
      ],
      foreignKeys: [
        references('event_id', 'events', 'CASCADE'),
        references('member_id', 'members'),
      ],
    },
    {
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
        unique('uq_event_guests_attendance_member', ['attendance_id', 'guest_member_id']),
        unique('uq_event_guests_attendance_email', ['attendance_id', 'guest_email_normalized']),
        index('ix_event_guests_event', ['event_id']),
        index('ix_event_guests_member', ['guest_member_id']),
        index('ix_event_guests_email', ['guest_email_normalized']),
      ],
      foreignKeys: [
        references('attendance_id', 'event_attendance', 'CASCADE'),
        references('event_id', 'events', 'CASCADE'),
        references('guest_member_id', 'members'),
      ],
    },
    {
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
        ...timestamps(),
      ],
      indices: [
        uniqueExternalId('feedback'),
        // The natural key holds only for feedback without an externalId.
        unique(
          'uq_feedback_member_text_submitted',
          ['member_id', 'text_hash', 'submitted_at'],
          'external_id IS NULL',
        ),
        index('ix_feedback_submitted', ['submitted_at', 'id']),
        index('ix_feedback_member_submitted', ['member_id', 'submitted_at']),
        index('ix_feedback_status_submitted', ['status', 'submitted_at']),
      ],
      foreignKeys: [references('member_id', 'members')],
    },
  ];
}
