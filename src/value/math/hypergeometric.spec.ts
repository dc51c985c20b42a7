import { hypergeometric2F1 } from './hypergeometric';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('hypergeometric2F1 against closed forms', () => {
  const zs = [0.05, 0.3, 0.5, 0.6, 0.9, 0.99, 0.999999, 1 - 1e-12];

  it.each(zs)(
    '2F1(1, 1; 2; z) = -ln(1 - z) / z at z = %p (c - a - b = 0: the digamma expansion)',
    (z) => {
      expectRelative(hypergeometric2F1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
    },
  );

  it.each(zs)('2F1(a, b; b; z) = (1 - z)^-a at z = %p', (z) => {
    expectRelative(hypergeometric2F1(0.7, 2.3, 2.3, z), Math.pow(1 - z, -0.7), 1e-13);
    expectRelative(hypergeometric2F1(-1.6, 4.1, 4.1, z), Math.pow(1 - z, 1.6), 1e-12);
  });

  it.each(zs)('2F1(1/2, 1/2; 3/2; w) = arcsin(sqrt w) / sqrt w at w = %p', (w) => {
    // arcsin(sqrt w) written as arctan(sqrt(w / (1 - w))), which stays accurate as w nears 1.
    const arcsin = Math.atan(Math.sqrt(w / (1 - w)));
    expectRelative(hypergeometric2F1(0.5, 0.5, 1.5, w), arcsin / Math.sqrt(w), 1e-13);
  });

  it.each([0.1, 1, 3, 50, 1e4])('2F1(1/2, 1; 3/2; -z^2) = arctan(z) / z at z = %p (Pfaff)', (z) => {
    expectRelative(hypergeometric2F1(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-13);
  });

  it('2F1(1, 2; 3; z) = 2 (-ln(1 - z) - z) / z^2 (integer gap 0 once more, and by hand)', () => {
    for (const z of [0.2, 0.7, 0.95]) {
      expectRelative(hypergeometric2F1(1, 2, 3, z), (2 * (-Math.log1p(-z) - z)) / (z * z), 1e-12);
    }
  });

  it('is a polynomial when a is a non-positive integer: 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))', () => {
    const [b, c, z] = [1.5, 2.5, 0.9];
    const expected = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expectRelative(hypergeometric2F1(-2, b, c, z), expected, 1e-14);
  });

  it('is 1 at z = 0 and whenever a or b is 0', () => {
    expect(hypergeometric2F1(3.2, 1.1, 0.4, 0)).toBe(1);
    expect(hypergeometric2F1(0, 1.1, 0.4, 0.99)).toBe(1);
  });
});

// mpmath 1.3 hyp2f1 at 60 digits, rounded to doubles. The cases cover each route: the plain
// series, 15.3.6, c - a - b exactly, nearly (3e-6) and not quite (2e-3) an integer, c < 0,
// Pfaff for z < 0 far below -1, a terminating series, and BG/NBD-shaped parameters (large c,
// z near 1, and a huge b where 15.3.6 cancels and the long series has to be taken).
const REFERENCE: [number, number, number, number, number][] = [
  [0.75, 1.25, 2.5, 0.3, 1.1363230922807608],
  [1.5, 2.5, 4.5, 0.75, 2.6195423693022963],
  [0.5, 0.5, 1.5, 0.999, 1.5399384391655189],
  [2.2, -0.2, 202.0, 0.97, 0.9978740482767519],
  [1.98, -0.21, 2.22, 0.9726, 0.591841624465746],
  [1.98, -0.21, 2.22, 0.999999, 0.45855187215917237],
  [3061.064774, -0.870842, 3061.209158, 0.9957982901168689, 0.008601301093009111],
  [1.7, 2.3, 4.0, 0.95, 8.386093781031152],
  [1.7, 2.3, 4.000003, 0.95, 8.386068989352543],
  [1.7, 2.3, 4.002, 0.95, 8.369593526120678],
  [1.7, 2.3, 2.0, 0.9, 95.09465781062235],
  [-2.5, 1.5, 3.2, 0.8, 0.36452946777569084],
  [2.5, 1.5, -1.3, 0.4, 175.60419504113312],
  [0.8, 1.9, 2.1, -3.5, 0.32664564995141837],
  [0.8, 1.9, 2.1, -250.0, 0.013839234375350958],
  [-3.0, 2.0, 1.5, 0.9, -0.045028571428571425],
];

describe('hypergeometric2F1 against mpmath', () => {
  it.each(REFERENCE)('2F1(%p, %p; %p; %p) = %p to 1e-11', (a, b, c, z, expected) => {
    expectRelative(hypergeometric2F1(a, b, c, z), expected, 1e-11);
  });
});

describe('hypergeometric2F1 refusals', () => {
  it('refuses z >= 1 and non-finite input instead of returning a wrong number', () => {
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hypergeometric2F1(1, NaN, 2, 0.5)).toThrow(RangeError);
  });

  it('is NaN at a pole of c (c a non-positive integer, the series not terminating first)', () => {
    expect(hypergeometric2F1(1.5, 2, -1, 0.3)).toBeNaN();
  });
});
