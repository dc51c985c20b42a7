import { AttendanceState, applyAttendanceStatus } from './attendance-status';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const PAST_EVENT = { startsAt: Date.UTC(2026, 4, 20, 18) };
const FUTURE_EVENT = { startsAt: NOW + 10 * DAY };

const registered: AttendanceState = {
  status: 'registered',
  registeredAt: Date.UTC(2026, 4, 1),
  attendedAt: null,
  noShowAt: null,
};

describe('attendance status', () => {
  it('registers now for a future event and at the start for a past one', () => {
    expect(applyAttendanceStatus(null, 'registered', {}, FUTURE_EVENT, NOW)).toEqual({
      status: 'registered',
      registeredAt: NOW,
      attendedAt: null,
      noShowAt: null,
    });
    expect(applyAttendanceStatus(null, 'registered', {}, PAST_EVENT, NOW)).toMatchObject({
      registeredAt: PAST_EVENT.startsAt,
    });
  });

  it('dates attendance at the event start unless a date is given, keeping the registration', () => {
    expect(applyAttendanceStatus(registered, 'attended', {}, PAST_EVENT, NOW)).toEqual({
      ...registered,
      status: 'attended',
      attendedAt: PAST_EVENT.startsAt,
    });
    const at = PAST_EVENT.startsAt + 3_600_000;
    expect(
      applyAttendanceStatus(registered, 'attended', { attendedAt: at }, PAST_EVENT, NOW),
    ).toMatchObject({ attendedAt: at });
  });

  it('corrects attended into no-show, clearing the attendance date', () => {
    const attended = { ...registered, status: 'attended' as const, attendedAt: 1 };
    expect(applyAttendanceStatus(attended, 'no-show', {}, PAST_EVENT, NOW)).toEqual({
      ...registered,
      status: 'no-show',
      noShowAt: PAST_EVENT.startsAt,
    });
  });

  it('refuses going back to registered', () => {
    const attended = { ...registered, status: 'attended' as const, attendedAt: 1 };
    expect(applyAttendanceStatus(attended, 'registered', {}, PAST_EVENT, NOW)).toMatchObject({
      field: 'status',
      code: 'invalidTransition',
    });
  });

  it('refuses attended or no-show before the event starts', () => {
    for (const status of ['attended', 'no-show'] as const) {
      expect(applyAttendanceStatus(registered, status, {}, FUTURE_EVENT, NOW)).toMatchObject({
        field: 'status',
        code: 'eventNotStarted',
      });
    }
    expect(
      applyAttendanceStatus(null, 'attended', {}, { startsAt: NOW + DAY / 2 }, NOW),
    ).toMatchObject({ status: 'attended' });
  });

  it('refuses a date that does not belong to the status', () => {
    expect(
      applyAttendanceStatus(null, 'registered', { attendedAt: NOW }, PAST_EVENT, NOW),
    ).toMatchObject({ field: 'attendedAt', code: 'statusMismatch' });
    expect(
      applyAttendanceStatus(null, 'attended', { noShowAt: NOW }, PAST_EVENT, NOW),
    ).toMatchObject({ field: 'noShowAt' });
  });
});
