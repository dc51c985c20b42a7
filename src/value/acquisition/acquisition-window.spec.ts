import { acquisitionWindow } from './acquisition-window';

const at = (text: string) => Date.parse(text);
const now = at('2026-12-02T19:14:00Z');

describe('acquisitionWindow', () => {
  it('is the last 12 months, today included, without bounds', () => {
    expect(acquisitionWindow({}, now)).toEqual({
      from: at('2025-12-03T00:00:00Z'),
      to: at('2026-12-03T00:00:00Z'),
    });
  });

  it('runs 12 calendar months back from a given end, and to tomorrow from a given start', () => {
    expect(acquisitionWindow({ to: at('2026-04-01') }, now)).toEqual({
      from: at('2025-04-01'),
      to: at('2026-04-01'),
    });
    expect(acquisitionWindow({ from: at('2026-06-01') }, now)).toEqual({
      from: at('2026-06-01'),
      to: at('2026-12-03'),
    });
    // No 29 February in 2027: the month's last day.
    expect(acquisitionWindow({ to: at('2028-02-29') }, now).from).toBe(at('2027-02-28'));
  });

  it('keeps both bounds as given', () => {
    const period = { from: at('2026-01-01'), to: at('2026-04-01') };
    expect(acquisitionWindow(period, now)).toEqual(period);
  });
});
