import { evenDays, thinPoints } from '../public/js/pages/model-holdout-daily.js';
import {
  dropOutChance,
  meanOrderValue,
  orderValueSpread,
  ordersPerYear,
} from '../public/js/pages/model-words.js';

/** The Model page's figures in words, worked by hand. */
describe('model words', () => {
  const fit = { r: 0.5, alpha: 50, a: 1, b: 3 };

  it('reads r/alpha per day as orders a year: 0.5 / 50 × 365.25 = 3.6525', () => {
    expect(ordersPerYear(fit)).toBeCloseTo(3.6525, 10);
    // In weeks: 0.5 / 50 per week × 365.25 / 7 weeks = 0.5217857…
    expect(ordersPerYear(fit, 'weeks')).toBeCloseTo(0.52178571, 8);
  });

  it('reads the drop-out chance as the Beta mean a / (a + b) = 1 / 4', () => {
    expect(dropOutChance(fit)).toBe(0.25);
  });

  it('reads Gamma-Gamma as the mean p·γ/(q−1) and the spread p·γ/((q−1)·√(q−2))', () => {
    // p 6, q 4, γ 15: mean 6 × 15 / 3 = 30; spread 90 / (3 × √2) = 21.2132…
    const spend = { p: 6, q: 4, gamma: 15 };
    expect(meanOrderValue(spend)).toBe(30);
    expect(orderValueSpread(spend)).toBeCloseTo(21.21320344, 7);
  });

  it('has no mean for q ≤ 1 and no finite spread for q ≤ 2', () => {
    expect(meanOrderValue({ p: 6, q: 1, gamma: 15 })).toBeNull();
    expect(meanOrderValue({ p: 6, q: 1.5, gamma: 15 })).toBe(180);
    expect(orderValueSpread({ p: 6, q: 2, gamma: 15 })).toBeNull();
    expect(meanOrderValue({ p: 6, q: 4, gamma: null })).toBeNull();
  });
});

describe('the cumulative chart’s days', () => {
  const point = (day: number, actual: number) => ({ day, fitted: day / 2, simple: day, actual });

  it('spreads the days evenly, interpolating between the days the server reported', () => {
    // Reported: days 1, 2, 3, then every 3 days to 9. Five even days: 1, 3, 5, 7, 9.
    const reported = [point(1, 0), point(2, 1), point(3, 1), point(6, 4), point(9, 4)];
    const even = evenDays(reported, 5);
    expect(even.map((entry) => entry.day)).toEqual([1, 3, 5, 7, 9]);
    // Day 5 lies 2/3 of the way from day 3 (actual 1) to day 6 (actual 4): 1 + 3 × 2/3 = 3.
    expect(even[2]).toEqual({ day: 5, fitted: 2.5, simple: 5, actual: 3 });
    // Day 7: a third of the way from day 6 to day 9, both 4.
    expect(even[3].actual).toBe(4);
  });

  it('keeps every day when there are fewer than asked, and thins a long list keeping the last', () => {
    const reported = [point(1, 0), point(2, 1), point(3, 1)];
    expect(evenDays(reported, 60)).toEqual(reported);
    const long = Array.from({ length: 100 }, (_, index) => index + 1);
    const thinned = thinPoints(long, 60);
    expect(thinned.length).toBeLessThanOrEqual(60);
    expect(thinned.at(-1)).toBe(100);
  });
});
