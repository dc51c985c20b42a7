/** The events module's error codes (events, attendance, guests); clients rely on them. */
export enum EventsErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  UNKNOWN_EVENT = 'UNKNOWN_EVENT',
  EVENT_EXISTS = 'EVENT_EXISTS',
  /** From the FieldProblem `eventNotStarted`. */
  EVENT_NOT_STARTED = 'EVENT_NOT_STARTED',
  ATTENDANCE_NOT_FOUND = 'ATTENDANCE_NOT_FOUND',
  ATTENDANCE_EXISTS = 'ATTENDANCE_EXISTS',
  GUEST_IS_ATTENDEE = 'GUEST_IS_ATTENDEE',
}
