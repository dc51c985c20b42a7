import { DAY_MS } from '../common/dates/iso-date';
import { FieldProblem } from '../common/errors/field-problem';
import { AttendanceStatus } from './attendance.entity';

export interface AttendanceState {
  status: AttendanceStatus;
  registeredAt: number;
  attendedAt: number | null;
  noShowAt: number | null;
}

export type AttendanceDates = Partial<Omit<AttendanceState, 'status'>>;

export type AttendanceProblem = FieldProblem;

/**
 * The status and dates after moving `previous` (null for a new attendance) to `target`.
 * Registered may become attended or no-show, and those two may be corrected into each other;
 * nothing goes back to registered. Attended and no-show need an event that has started (a day
 * of slack, as for every occurrence date). Dates not given default to the ones stored, then
 * to the event's start (registration: now, if earlier).
 */
export function applyAttendanceStatus(
  previous: AttendanceState | null,
  target: AttendanceStatus,
  given: AttendanceDates,
  event: { startsAt: number },
  now: number,
): AttendanceState | AttendanceProblem {
  if (previous && previous.status !== target && target === 'registered') {
    return {
      field: 'status',
      reason: `cannot change from ${previous.status} back to registered`,
      code: 'invalidTransition',
      kind: 'unprocessable',
    };
  }
  if (target !== 'registered' && event.startsAt > now + DAY_MS) {
    return {
      field: 'status',
      reason: `cannot be ${target} before the event starts`,
      code: 'eventNotStarted',
      kind: 'unprocessable',
    };
  }
  const stageDates = { attendedAt: 'attended', noShowAt: 'no-show' } as const;
  for (const [field, status] of Object.entries(stageDates) as [
    keyof typeof stageDates,
    AttendanceStatus,
  ][]) {
    if (given[field] !== undefined && target !== status) {
      return {
        field,
        reason: `does not belong to status ${target}`,
        code: 'statusMismatch',
        kind: 'invalid',
      };
    }
  }
  return {
    status: target,
    registeredAt: given.registeredAt ?? previous?.registeredAt ?? Math.min(now, event.startsAt),
    attendedAt:
      target === 'attended' ? (given.attendedAt ?? previous?.attendedAt ?? event.startsAt) : null,
    noShowAt:
      target === 'no-show' ? (given.noShowAt ?? previous?.noShowAt ?? event.startsAt) : null,
  };
}
