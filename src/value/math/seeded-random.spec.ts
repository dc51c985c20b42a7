import { SeededRandom } from './seeded-random';

function moments(draw: () => number, count: number): { mean: number; variance: number } {
  const values = Array.from({ length: count }, draw);
  const mean = values.reduce((total, value) => total + value, 0) / count;
  const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / (count - 1);
  return { mean, variance };
}

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const first = new SeededRandom(42);
    const again = new SeededRandom(42);
    const other = new SeededRandom(43);
    const sequence = Array.from({ length: 5 }, () => first.uniform());
    expect(Array.from({ length: 5 }, () => again.uniform())).toEqual(sequence);
    expect(Array.from({ length: 5 }, () => other.uniform())).not.toEqual(sequence);
    expect(sequence.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  // Means within 5 standard errors; the seeds fix the draws, so these cannot flake.
  it.each([
    [0.243, 4.414],
    [2.5, 0.5],
    [6.25, 1],
  ])(
    'draws Gamma(shape %p, rate %p) with mean shape / rate and variance shape / rate^2',
    (shape, rate) => {
      const random = new SeededRandom(7);
      const count = 20_000;
      const { mean, variance } = moments(() => random.gamma(shape, rate), count);
      const expectedVariance = shape / rate ** 2;
      expect(Math.abs(mean - shape / rate)).toBeLessThan(5 * Math.sqrt(expectedVariance / count));
      expect(variance / expectedVariance).toBeGreaterThan(0.9);
      expect(variance / expectedVariance).toBeLessThan(1.1);
    },
  );

  it('draws Beta(a, b) with mean a / (a + b)', () => {
    const random = new SeededRandom(9);
    const [a, b] = [0.793, 2.426];
    const count = 20_000;
    const { mean } = moments(() => random.beta(a, b), count);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - a / (a + b))).toBeLessThan(5 * Math.sqrt(variance / count));
  });
});
