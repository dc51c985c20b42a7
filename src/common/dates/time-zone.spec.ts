import {
  instantOfWallClock,
  instantsOfWallClock,
  isTimeZone,
  localTime,
  startOfLocalDay,
  zoneOffset,
} from './time-zone';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

describe('time zones', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(3)).toBe(false);
  });

  it('reads the wall clock and the offset of an instant', () => {
    expect(localTime(at('2025-12-31T23:30:00Z'), 'Europe/Rome')).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(zoneOffset(at('2026-01-15T12:00:00Z'), 'Europe/Rome')).toBe(3_600_000);
    expect(zoneOffset(at('2026-07-15T12:00:00Z'), 'Europe/Rome')).toBe(7_200_000);
    expect(zoneOffset(at('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('finds one, none or two instants for a wall clock reading', () => {
    expect(instantsOfWallClock(Date.UTC(2025, 11, 31), 'Europe/Rome').map(iso)).toEqual([
      '2025-12-30T23:00:00.000Z',
    ]);
    expect(instantsOfWallClock(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Rome')).toEqual([]);
    expect(instantsOfWallClock(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Rome').map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
    // For boundaries: a skipped time moves to the end of the gap, a repeated one takes the first.
    expect(iso(instantOfWallClock(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Rome'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('starts a day whose midnight is skipped when the clocks jump', () => {
    // America/Santiago: 2026-09-06 00:00 → 01:00 (UTC-4 → UTC-3).
    expect(iso(startOfLocalDay(2026, 9, 6, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(startOfLocalDay(2026, 1, 1, 'Europe/Rome'))).toBe('2025-12-31T23:00:00.000Z');
    expect(iso(startOfLocalDay(2026, 13, 1, 'UTC'))).toBe('2027-01-01T00:00:00.000Z');
  });
});
