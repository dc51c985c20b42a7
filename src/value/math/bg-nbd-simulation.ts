import type { BgNbdParams, RepeatBuyingVariant } from './bg-nbd-likelihood';
import type { GammaGammaParams } from './gamma-gamma';
import { SeededRandom } from './seeded-random';

export interface SimulatedCustomer {
  x: number;
  tx: number;
  T: number;
  /** Mean value of the repeat purchases; 0 when x = 0 or no spend model was given. */
  zbar: number;
}

export interface SimulationOptions {
  /** Draw each repeat purchase's value from this Gamma-Gamma model. */
  spend?: GammaGammaParams;
  /**
   * Record times only to this resolution (1 = whole days when the unit is days): purchases in
   * one tick merge into one, and the first tick is the first purchase's, as in the app's data.
   */
  resolution?: number;
  /** 'mbgnbd': the customer may also drop out right after the first purchase (Batislam et al.). */
  variant?: RepeatBuyingVariant;
}

/**
 * Customers drawn from the BG/NBD story: lambda ~ Gamma(r, alpha), p ~ Beta(a, b); purchases
 * arrive as a Poisson process with rate lambda after a first purchase at 0, and after each
 * repeat purchase (in the modified model, the first one too) the customer drops out with
 * probability p. One customer per observation length T.
 */
export function simulateBgNbd(
  params: BgNbdParams,
  observationLengths: readonly number[],
  random: SeededRandom,
  options: SimulationOptions = {},
): SimulatedCustomer[] {
  const { r, alpha, a, b } = params;
  return observationLengths.map((T) => {
    const rate = random.gamma(r, alpha);
    const dropOut = random.beta(a, b);
    const times: number[] = [];
    const goneAtFirst = options.variant === 'mbgnbd' && random.uniform() < dropOut;
    const firstRepeat = goneAtFirst ? Infinity : random.exponential(rate);
    for (let t = firstRepeat; t <= T; t += random.exponential(rate)) {
      times.push(t);
      if (random.uniform() < dropOut) break;
    }
    const recorded = options.resolution ? mergeTicks(times, options.resolution) : times;
    const x = recorded.length;
    const tx = x > 0 ? recorded[x - 1] : 0;
    return { x, tx, T, zbar: options.spend && x > 0 ? meanSpend(options.spend, x, random) : 0 };
  });
}

function mergeTicks(times: number[], resolution: number): number[] {
  const ticks = times.map((t) => Math.floor(t / resolution) * resolution).filter((t) => t > 0);
  return [...new Set(ticks)];
}

function meanSpend({ p, q, gamma }: GammaGammaParams, x: number, random: SeededRandom): number {
  const scale = random.gamma(q, gamma); // nu: the customer's rate parameter of spend
  let total = 0;
  for (let i = 0; i < x; i++) total += random.gamma(p, scale);
  return total / x;
}
