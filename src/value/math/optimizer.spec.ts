import { minimizePositive } from './optimizer';

describe('minimizePositive', () => {
  it('finds the minimum of Rosenbrock moved into positive coordinates, without a gradient', () => {
    // Rosenbrock's valley around (2, 4) instead of (1, 1): (2 - u)^2 + 100 (v - u^2)^2.
    const rosenbrock = ([u, v]: number[]) => (2 - u) ** 2 + 100 * (v - u * u) ** 2;
    const result = minimizePositive(rosenbrock, [0.5, 0.5]);
    expect(result.converged).toBe(true);
    expect(result.params[0]).toBeCloseTo(2, 5);
    expect(result.params[1]).toBeCloseTo(4, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it('uses an analytic gradient given in the natural parameters', () => {
    // f = (ln u - 1)^2 + (ln v + 2)^2 has its minimum at u = e, v = e^-2.
    const objective = ([u, v]: number[]) => (Math.log(u) - 1) ** 2 + (Math.log(v) + 2) ** 2;
    const gradient = ([u, v]: number[]) => [
      (2 * (Math.log(u) - 1)) / u,
      (2 * (Math.log(v) + 2)) / v,
    ];
    const result = minimizePositive(objective, [1, 1], { gradient });
    expect(result.converged).toBe(true);
    expect(result.params[0]).toBeCloseTo(Math.E, 8);
    expect(result.params[1]).toBeCloseTo(Math.exp(-2), 8);
  });

  it('takes value and gradient from one evaluation, and evaluates each point once', () => {
    const evaluated: string[] = [];
    const valueAndGradient = ([u, v]: number[]) => {
      evaluated.push(`${u},${v}`);
      return {
        value: (Math.log(u) - 1) ** 2 + (Math.log(v) + 2) ** 2,
        gradient: [(2 * (Math.log(u) - 1)) / u, (2 * (Math.log(v) + 2)) / v],
      };
    };
    const result = minimizePositive(() => NaN, [1, 1], { valueAndGradient });
    expect(result.converged).toBe(true);
    expect(result.params[0]).toBeCloseTo(Math.E, 8);
    expect(result.params[1]).toBeCloseTo(Math.exp(-2), 8);
    expect(new Set(evaluated).size).toBe(evaluated.length);
  });

  it('starts from a learned inverse Hessian: the same minimum in fewer iterations', () => {
    const rosenbrock = ([u, v]: number[]) => (2 - u) ** 2 + 100 * (v - u * u) ** 2;
    const gradient = ([u, v]: number[]) => [
      -2 * (2 - u) - 400 * u * (v - u * u),
      200 * (v - u * u),
    ];
    const cold = minimizePositive(rosenbrock, [1.9, 3.7], { gradient });
    const first = minimizePositive(rosenbrock, [0.5, 0.5], { gradient });
    const warm = minimizePositive(rosenbrock, [1.9, 3.7], {
      gradient,
      inverseHessian: first.inverseHessian,
    });
    expect(cold.converged && warm.converged).toBe(true);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    expect(warm.params[0]).toBeCloseTo(cold.params[0], 6);
    expect(warm.params[1]).toBeCloseTo(cold.params[1], 6);
  });

  it('keeps parameters of very different scales positive', () => {
    const objective = ([small, large]: number[]) =>
      (small / 1e-4 - 3) ** 2 + (large / 1e5 - 2) ** 2;
    const result = minimizePositive(objective, [1, 1]);
    expect(result.converged).toBe(true);
    expect(result.params[0]).toBeCloseTo(3e-4, 9);
    expect(result.params[1] / 2e5).toBeCloseTo(1, 6);
  });

  it('says which parameter has no finite optimum', () => {
    // Decreasing in u for ever: the optimum is at u -> infinity.
    const result = minimizePositive(([u, v]) => 1 / u + (v - 1) ** 2, [1, 2], {
      names: ['u', 'v'],
    });
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('u runs off to infinity: the data do not pin it down');
  });

  it('reports running out of iterations', () => {
    const rosenbrock = ([u, v]: number[]) => (2 - u) ** 2 + 100 * (v - u * u) ** 2;
    const result = minimizePositive(rosenbrock, [0.5, 0.5], { maxIterations: 3 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
    expect(result.reason).toMatch(/^no convergence in 3 iterations/);
  });

  it('refuses a start outside the positive orthant and says when it starts on a non-finite value', () => {
    expect(() => minimizePositive(() => 0, [1, 0])).toThrow(RangeError);
    const result = minimizePositive(() => NaN, [1]);
    expect(result).toMatchObject({
      converged: false,
      reason: 'objective is not finite at the start',
    });
  });
});
