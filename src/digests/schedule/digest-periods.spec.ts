import { DigestSchedule } from './digest-schedule';
import { SendTimes } from './digest-periods';
import { wallTimeToInstant, dayNumber } from './local-time';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (epoch: number) => new Date(epoch).toISOString();
const times = (schedule: Partial<DigestSchedule>) =>
  new SendTimes({ cadence: 'daily', timezone: 'UTC', sendAt: '08:00', ...schedule });
const hours = (period: { start: number; end: number }) => (period.end - period.start) / HOUR;

describe('wall time to instant', () => {
  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(iso(wallTimeToInstant('Europe/Rome', dayNumber(2026, 3, 29), 2, 30))).toBe(
      '2026-03-29T01:30:00.000Z', // 03:30 CEST
    );
    expect(iso(wallTimeToInstant('America/New_York', dayNumber(2026, 3, 8), 2, 30))).toBe(
      '2026-03-08T07:30:00.000Z', // 03:30 EDT
    );
  });

  it('takes the first of the two instants of an ambiguous fall-back time', () => {
    expect(iso(wallTimeToInstant('Europe/Rome', dayNumber(2026, 10, 25), 2, 30))).toBe(
      '2026-10-25T00:30:00.000Z', // 02:30 CEST, not 02:30 CET
    );
    expect(iso(wallTimeToInstant('America/New_York', dayNumber(2026, 11, 1), 1, 30))).toBe(
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, not 01:30 EST
    );
  });

  it('reads an ordinary time with the offset of the day', () => {
    expect(iso(wallTimeToInstant('Europe/Rome', dayNumber(2026, 1, 15), 8, 0))).toBe(
      '2026-01-15T07:00:00.000Z',
    );
    expect(iso(wallTimeToInstant('Europe/Rome', dayNumber(2026, 7, 15), 8, 0))).toBe(
      '2026-07-15T06:00:00.000Z',
    );
  });
});

describe('digest periods', () => {
  describe('weekly, Europe/Rome, Monday 08:00', () => {
    const rome = times({ cadence: 'weekly', weekday: 'monday', timezone: 'Europe/Rome' });

    it('is 167 hours across the spring-forward week', () => {
      const period = rome.lastCompleted(at('2026-03-31T12:00:00Z'));
      expect(iso(period.start)).toBe('2026-03-23T07:00:00.000Z'); // 08:00 CET
      expect(iso(period.end)).toBe('2026-03-30T06:00:00.000Z'); // 08:00 CEST
      expect(hours(period)).toBe(167);
    });

    it('is 169 hours across the fall-back week', () => {
      const period = rome.lastCompleted(at('2026-10-26T07:00:00Z'));
      expect(iso(period.start)).toBe('2026-10-19T06:00:00.000Z');
      expect(iso(period.end)).toBe('2026-10-26T07:00:00.000Z');
      expect(hours(period)).toBe(169);
    });

    it('is 168 hours in an ordinary week, and the send instant itself completes it', () => {
      const period = rome.lastCompleted(at('2026-11-23T07:00:00Z'));
      expect(iso(period.start)).toBe('2026-11-16T07:00:00.000Z');
      expect(iso(period.end)).toBe('2026-11-23T07:00:00.000Z');
      expect(hours(period)).toBe(168);
      // One millisecond earlier the week before is the last completed one.
      expect(iso(rome.lastCompleted(at('2026-11-23T06:59:59.999Z')).end)).toBe(
        '2026-11-16T07:00:00.000Z',
      );
    });
  });

  describe('weekly, America/New_York, Sunday 09:30', () => {
    const newYork = times({
      cadence: 'weekly',
      weekday: 'sunday',
      timezone: 'America/New_York',
      sendAt: '09:30',
    });

    it('is 167 hours across the week of 8 March 2026', () => {
      const period = newYork.lastCompleted(at('2026-03-09T00:00:00Z'));
      expect(iso(period.start)).toBe('2026-03-01T14:30:00.000Z'); // 09:30 EST
      expect(iso(period.end)).toBe('2026-03-08T13:30:00.000Z'); // 09:30 EDT
      expect(hours(period)).toBe(167);
    });

    it('is 169 hours across the week of 1 November 2026', () => {
      const period = newYork.lastCompleted(at('2026-11-01T15:00:00Z'));
      expect(iso(period.start)).toBe('2026-10-25T13:30:00.000Z');
      expect(iso(period.end)).toBe('2026-11-01T14:30:00.000Z');
      expect(hours(period)).toBe(169);
    });
  });

  describe('monthly on the 31st', () => {
    const monthly = times({ cadence: 'monthly', dayOfMonth: 31, timezone: 'Europe/Rome' });

    it('sends on the last day of February, and the periods meet there', () => {
      const february = monthly.lastCompleted(at('2026-03-01T00:00:00Z'));
      expect(iso(february.start)).toBe('2026-01-31T07:00:00.000Z');
      expect(iso(february.end)).toBe('2026-02-28T07:00:00.000Z');
      const march = monthly.lastCompleted(at('2026-04-01T00:00:00Z'));
      expect(iso(march.start)).toBe('2026-02-28T07:00:00.000Z');
      expect(iso(march.end)).toBe('2026-03-31T06:00:00.000Z'); // CEST by then
    });

    it('uses the 29th in a leap year and the 30th in a 30-day month', () => {
      expect(iso(monthly.previous(at('2028-03-01T00:00:00Z')))).toBe('2028-02-29T07:00:00.000Z');
      expect(iso(monthly.previous(at('2026-05-01T00:00:00Z')))).toBe('2026-04-30T06:00:00.000Z');
    });
  });

  describe('daily across DST', () => {
    it('is 23 hours on the spring-forward day and 25 on the fall-back day (Europe/Rome)', () => {
      const daily = times({ timezone: 'Europe/Rome', sendAt: '07:00' });
      expect(hours(daily.lastCompleted(at('2026-03-29T05:00:00Z')))).toBe(23);
      expect(hours(daily.lastCompleted(at('2026-10-25T06:00:00Z')))).toBe(25);
      expect(hours(daily.lastCompleted(at('2026-10-26T06:00:00Z')))).toBe(24);
    });

    it('moves a send in the gap forward and keeps the first of an ambiguous time (New York)', () => {
      const gap = times({ timezone: 'America/New_York', sendAt: '02:30' });
      const spring = gap.lastCompleted(at('2026-03-08T12:00:00Z'));
      expect(iso(spring.start)).toBe('2026-03-07T07:30:00.000Z'); // 02:30 EST
      expect(iso(spring.end)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
      const ambiguous = times({ timezone: 'America/New_York', sendAt: '01:30' });
      const fall = ambiguous.lastCompleted(at('2026-11-01T12:00:00Z'));
      expect(iso(fall.end)).toBe('2026-11-01T05:30:00.000Z'); // the first 01:30 (EDT)
      expect(hours(fall)).toBe(24);
      expect(hours(ambiguous.lastCompleted(at('2026-11-02T12:00:00Z')))).toBe(25);
    });
  });

  describe('cron', () => {
    const cron = times({ cadence: 'cron', cron: '0 8 * * 1-5', timezone: 'Europe/Rome' });

    it('reads the expression in the time zone and spans weekends', () => {
      const monday = cron.lastCompleted(at('2026-11-23T09:00:00Z'));
      expect(iso(monday.start)).toBe('2026-11-20T07:00:00.000Z'); // Friday 08:00
      expect(iso(monday.end)).toBe('2026-11-23T07:00:00.000Z');
      expect(iso(cron.next(monday.end))).toBe('2026-11-24T07:00:00.000Z');
    });

    it('finds the previous firing of a rare expression', () => {
      const yearly = times({ cadence: 'cron', cron: '0 9 1 1 *', timezone: 'UTC' });
      expect(yearly.lastCompleted(at('2026-11-23T00:00:00Z'))).toEqual({
        start: at('2025-01-01T09:00:00Z'),
        end: at('2026-01-01T09:00:00Z'),
      });
    });
  });

  describe('periods missed while down', () => {
    const daily = times({ timezone: 'Europe/Rome' });

    it('lists the ends after the last sent one, oldest first, bounded', () => {
      const after = at('2026-11-20T07:00:00Z');
      const now = at('2026-11-23T12:00:00Z');
      expect(daily.endsBetween(after, now, 12).map(iso)).toEqual([
        '2026-11-21T07:00:00.000Z',
        '2026-11-22T07:00:00.000Z',
        '2026-11-23T07:00:00.000Z',
      ]);
      expect(daily.endsBetween(after, now, 1).map(iso)).toEqual(['2026-11-23T07:00:00.000Z']);
      expect(daily.endsBetween(at('2026-11-23T07:00:00Z'), now, 12)).toEqual([]);
      expect(daily.endsBetween(at('2025-01-01T00:00:00Z'), now, 12)).toHaveLength(12);
    });

    it('finds the next send strictly after an instant', () => {
      expect(iso(daily.next(at('2026-11-23T07:00:00Z')))).toBe('2026-11-24T07:00:00.000Z');
      expect(iso(daily.next(at('2026-11-23T06:59:00Z')))).toBe('2026-11-23T07:00:00.000Z');
    });
  });
});
