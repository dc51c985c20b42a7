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
