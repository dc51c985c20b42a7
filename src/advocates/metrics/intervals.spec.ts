import {
  countIntervals,
  intervalStart,
  monthLabel,
  nextIntervalStart,
  previousWindow,
  splitPeriod,
} from './intervals';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString().slice(0, 10);
const windows = (from: string, to: string, interval: 'day' | 'week' | 'month') =>
  splitPeriod(at(from), at(to), interval).map((window) => [iso(window.start), iso(window.end)]);

describe('intervalStart', () => {
  it('finds the UTC day, the ISO week (Monday) and the month', () => {
    expect(iso(intervalStart(at('2026-03-04T23:59:59Z'), 'day'))).toBe('2026-03-04');
    // 2026-03-04 is a Wednesday; 2026-03-08 a Sunday, still in the week of Monday 03-02.
    expect(iso(intervalStart(at('2026-03-04T12:00:00Z'), 'week'))).toBe('2026-03-02');
    expect(iso(intervalStart(at('2026-03-08T23:00:00Z'), 'week'))).toBe('2026-03-02');
    expect(iso(intervalStart(at('2026-03-09T00:00:00Z'), 'week'))).toBe('2026-03-09');
    expect(iso(intervalStart(at('2026-03-31T12:00:00Z'), 'month'))).toBe('2026-03-01');
    expect(iso(nextIntervalStart(at('2026-12-15T00:00:00Z'), 'month'))).toBe('2027-01-01');
  });
});

describe('splitPeriod', () => {
  it('cuts at day boundaries', () => {
    expect(windows('2026-03-01', '2026-03-04', 'day')).toEqual([
      ['2026-03-01', '2026-03-02'],
      ['2026-03-02', '2026-03-03'],
      ['2026-03-03', '2026-03-04'],
    ]);
  });

  it('cuts at ISO weeks, with partial first and last weeks', () => {
    // Sunday 2026-03-01 to Wednesday 2026-03-18.
    expect(windows('2026-03-01', '2026-03-18', 'week')).toEqual([
      ['2026-03-01', '2026-03-02'],
      ['2026-03-02', '2026-03-09'],
      ['2026-03-09', '2026-03-16'],
      ['2026-03-16', '2026-03-18'],
    ]);
  });

  it('cuts at months, across a year', () => {
    expect(windows('2025-11-15', '2026-02-01', 'month')).toEqual([
      ['2025-11-15', '2025-12-01'],
      ['2025-12-01', '2026-01-01'],
      ['2026-01-01', '2026-02-01'],
    ]);
  });

  it('counts the windows without building them', () => {
    for (const [from, to, interval] of [
      ['2026-03-01', '2026-03-04', 'day'],
      ['2026-03-01T12:00:00Z', '2026-03-04T06:00:00Z', 'day'],
      ['2026-03-01', '2026-03-18', 'week'],
      ['2026-03-02', '2026-03-16', 'week'],
      ['2025-11-15', '2026-02-01', 'month'],
      ['2025-11-01', '2026-02-02', 'month'],
    ] as const)
      expect(countIntervals(at(from), at(to), interval)).toBe(
        splitPeriod(at(from), at(to), interval).length,
      );
  });
});

describe('previousWindow', () => {
  it('is the calendar interval before a whole one', () => {
    const march = { start: at('2026-03-01'), end: at('2026-04-01') };
    expect(previousWindow(march, 'month')).toEqual({
      start: at('2026-02-01'),
      end: at('2026-03-01'),
    });
    const week = { start: at('2026-03-09'), end: at('2026-03-16') };
    expect(previousWindow(week, 'week')).toEqual({ start: at('2026-03-02'), end: week.start });
  });

  it('is the same length just before a partial one', () => {
    const partial = { start: at('2026-03-16'), end: at('2026-03-18') };
    expect(previousWindow(partial, 'week')).toEqual({
      start: at('2026-03-14'),
      end: partial.start,
    });
  });
});

describe('monthLabel', () => {
  it('names the month', () => {
    expect(monthLabel(at('2026-03-31T23:59:59Z'))).toBe('2026-03');
  });
});

describe('intervals in a time zone', () => {
  const rome = 'Europe/Rome';
  const isoOf = (instant: number) => new Date(instant).toISOString();

  it('puts 23:30 UTC on the 31st into the next day and month in Rome', () => {
    const instant = at('2025-12-31T23:30:00Z');
    expect(isoOf(intervalStart(instant, 'day', rome))).toBe('2025-12-31T23:00:00.000Z');
    expect(isoOf(intervalStart(instant, 'month', rome))).toBe('2025-12-31T23:00:00.000Z');
    expect(isoOf(intervalStart(instant, 'day'))).toBe('2025-12-31T00:00:00.000Z');
    expect(monthLabel(instant, rome)).toBe('2026-01');
    expect(monthLabel(instant)).toBe('2025-12');
  });

  it('cuts days of 23 and 25 hours at the clock changes', () => {
    const days = splitPeriod(at('2026-03-28T23:00:00Z'), at('2026-03-30T22:00:00Z'), 'day', rome);
    expect(days.map((window) => (window.end - window.start) / 3_600_000)).toEqual([23, 24]);
    const autumn = splitPeriod(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), 'day', rome);
    expect(autumn.map((window) => (window.end - window.start) / 3_600_000)).toEqual([25]);
  });

  it('counts, weeks and previous windows on the zone calendar', () => {
    const from = at('2025-11-30T23:00:00Z'); // 1 Dec 00:00 in Rome
    const to = at('2026-02-28T23:00:00Z'); // 1 Mar 00:00 in Rome
    expect(countIntervals(from, to, 'month', rome)).toBe(3);
    expect(splitPeriod(from, to, 'month', rome).map((window) => isoOf(window.start))).toEqual([
      '2025-11-30T23:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
      '2026-01-31T23:00:00.000Z',
    ]);
    expect(countIntervals(from, to, 'day', rome)).toBe(90);
    expect(isoOf(intervalStart(at('2026-03-08T23:30:00Z'), 'week', rome))).toBe(
      '2026-03-08T23:00:00.000Z',
    );
    const previous = previousWindow(
      { start: from, end: at('2025-12-31T23:00:00Z') },
      'month',
      rome,
    );
    expect([isoOf(previous.start), isoOf(previous.end)]).toEqual([
      '2025-10-31T23:00:00.000Z',
      '2025-11-30T23:00:00.000Z',
    ]);
  });
});
