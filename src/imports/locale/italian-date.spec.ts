import { readItalianInstant } from './italian-date';

const read = (cell: string, zone = 'Europe/Rome') => readItalianInstant(cell, zone);
const instant = (cell: string, zone?: string) => {
  const reading = read(cell, zone);
  if (!('value' in reading)) throw new Error(`refused ${cell}: ${reading.problem.reason}`);
  return reading.value;
};
const code = (cell: string, zone?: string) => {
  const reading = read(cell, zone);
  if ('value' in reading) throw new Error(`accepted ${cell} as ${String(reading.value)}`);
  return reading.problem.code;
};

describe('readItalianInstant', () => {
  it('reads a day-first date as 00:00 in the zone, in UTC', () => {
    expect(instant('31/12/2025')).toBe('2025-12-30T23:00:00.000Z');
    expect(instant('31/12/2025', 'UTC')).toBe('2025-12-31T00:00:00.000Z');
    expect(instant('1/7/2025')).toBe('2025-06-30T22:00:00.000Z'); // summer: UTC+2
    expect(instant('29/02/2024', 'America/New_York')).toBe('2024-02-29T05:00:00.000Z');
  });

  it('reads a local time, with or without seconds', () => {
    expect(instant('31/12/2025 14:30')).toBe('2025-12-31T13:30:00.000Z');
    expect(instant('15/06/2025 09:05:07')).toBe('2025-06-15T07:05:07.000Z');
    expect(instant('15/06/2025 9:05')).toBe('2025-06-15T07:05:00.000Z');
  });

  it('keeps ISO 8601 as it is', () => {
    expect(instant('2025-12-31')).toBe('2025-12-31');
    expect(instant('2025-12-31T14:30:00+01:00')).toBe('2025-12-31T14:30:00+01:00');
    expect(instant('2025-12-31T13:30:00Z')).toBe('2025-12-31T13:30:00Z');
  });

  it('refuses a time the clocks skip or repeat in the zone', () => {
    // Europe/Rome: 2026-03-29 02:00 → 03:00; 2026-10-25 03:00 → 02:00.
    expect(code('29/03/2026 02:30')).toBe('nonexistentTime');
    expect(code('25/10/2026 02:30')).toBe('ambiguousTime');
    expect(instant('25/10/2026 03:30')).toBe('2026-10-25T02:30:00.000Z');
    expect(instant('29/03/2026 02:30', 'UTC')).toBe('2026-03-29T02:30:00.000Z');
  });

  it('refuses two-digit years, impossible dates and other shapes', () => {
    expect(code('31/12/25')).toBe('ambiguousDate');
    for (const cell of [
      '31/02/2025',
      '32/01/2025',
      '12/13/2025',
      '31/12/2025 24:00',
      '31/12/2025 12:60',
    ])
      expect(code(cell)).toBe('invalidDate');
    for (const cell of ['12-31-2025', '2025/12/31', '31.12.2025', 'ieri', '31/12/2025 14'])
      expect(code(cell)).toBe('invalidDate');
  });
});
