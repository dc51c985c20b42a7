import { holdoutWindow } from './holdout-window';

const NOW = Date.parse('2026-07-01T12:00:00Z');

describe('holdoutWindow', () => {
  it('without dates: the last holdoutDays days up to now', () => {
    // 2026-07-01T12:00 − 180 days = 2026-01-02T12:00 (181 days from 2026-01-01 to 2026-07-01).
    expect(holdoutWindow({}, 180, NOW)).toEqual({
      asOf: Date.parse('2026-01-02T12:00:00Z'),
      until: NOW,
    });
  });

  it('with until alone: the holdoutDays before it', () => {
    const until = Date.parse('2026-03-15T00:00:00Z');
    // 2026-03-15 − 30 days = 2026-02-13.
    expect(holdoutWindow({ until }, 30, NOW)).toEqual({
      asOf: Date.parse('2026-02-13T00:00:00Z'),
      until,
    });
  });

  it('with asOf alone: from asOf up to now', () => {
    const asOf = Date.parse('2026-01-01T00:00:00Z');
    expect(holdoutWindow({ asOf }, 180, NOW)).toEqual({ asOf, until: NOW });
  });

  it('keeps both dates when given', () => {
    const given = { asOf: Date.parse('2026-01-01'), until: Date.parse('2026-03-15') };
    expect(holdoutWindow(given, 180, NOW)).toEqual(given);
  });
});
