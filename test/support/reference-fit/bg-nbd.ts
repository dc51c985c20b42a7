import {
  createBgNbdObjective,
  type BgNbdParams,
  type RepeatBuyingCustomer,
  type RepeatBuyingVariant,
} from './bg-nbd-likelihood';
import { minimizePositive } from './optimizer';

/** fitBgNbd as it was before the fast objective (commit 1a57965), kept to compare against. */
export function referenceFitBgNbd(
  customers: readonly RepeatBuyingCustomer[],
  variant: RepeatBuyingVariant = 'bgnbd',
): BgNbdParams & { logLikelihood: number; converged: boolean; iterations: number } {
  const objective = createBgNbdObjective(customers, variant);
  const purchases = customers.reduce((total, { x, weight = 1 }) => total + x * weight, 0);
  const exposure = customers.reduce((total, { T, weight = 1 }) => total + T * weight, 0);
  const minimum = minimizePositive(objective.value, [1, exposure / purchases, 1, 3], {
    gradient: objective.gradient,
    names: ['r', 'alpha', 'a', 'b'],
  });
  const [r, alpha, a, b] = minimum.params;
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: -minimum.value * objective.totalWeight,
    converged: minimum.converged,
    iterations: minimum.iterations,
  };
}
