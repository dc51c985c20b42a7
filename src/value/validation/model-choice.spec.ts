import { type BgNbdParams, type RepeatBuyingVariant, SeededRandom } from '../math';
import type { HoldoutCustomer } from './holdout-comparison';
import { CHOICE_VALID_DAYS, chooseSpendModel, choiceStillHolds } from './model-choice';

const DAY_MS = 86_400_000;
const HOLDOUT_DAYS = 180;
const WINDOW = { days: HOLDOUT_DAYS, calibrationEnd: 1_000 * DAY_MS, until: 1_180 * DAY_MS };
// Half of the customers would leave after any purchase: the first one too, in the modified story.
const PARAMS: BgNbdParams = { r: 1.2, alpha: 40, a: 2, b: 2.5 };

/**
 * Customers drawn from one model's story, followed past the calibration end: their summary at
 * T (days since their first purchase) and their purchases in the next HOLDOUT_DAYS.
 */
function simulate(variant: RepeatBuyingVariant, count: number, seed: number): HoldoutCustomer[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => {
    const T = 60 + Math.floor(random.uniform() * 600);
    const rate = random.gamma(PARAMS.r, PARAMS.alpha);
    const dropOut = random.beta(PARAMS.a, PARAMS.b);
    const times: number[] = [];
    let alive = !(variant === 'mbgnbd' && random.uniform() < dropOut);
    for (let t = random.exponential(rate); alive && t <= T + HOLDOUT_DAYS;) {
      times.push(t);
      if (random.uniform() < dropOut) alive = false;
      t += random.exponential(rate);
    }
    const before = times.filter((t) => t <= T);
    const x = before.length;
    return {
      summary: { x, tx: x > 0 ? before[x - 1] : 0, T, purchaseDays: x + 1 },
      actual: times.length - x,
    };
  });
}

describe('chooseSpendModel', () => {
  it.each<RepeatBuyingVariant>(['bgnbd', 'mbgnbd'])(
    'picks %s on customers simulated from it, by the lower error on the holdout',
    (variant) => {
      const choice = chooseSpendModel(
        simulate(variant, 8_000, variant === 'bgnbd' ? 11 : 12),
        WINDOW,
        { minRepeatBuyers: 50 },
        'auto',
      );
      expect(choice.chosen).toBe(variant);
      expect(choice.pinned).toBe(false);
      const other = variant === 'bgnbd' ? 'mbgnbd' : 'bgnbd';
      expect(choice.errors[variant]).toBeLessThan(choice.errors[other]!);
      expect(choice.reason).toMatch(/^lower error on the last 180 days held out: /);
      expect(choice.calibrationFits.bgnbd?.converged).toBe(true);
      expect(choice.calibrationFits.mbgnbd?.converged).toBe(true);
      expect(choice.holdout).toMatchObject({ days: 180, customers: 8_000 });
    },
  );

  it('follows a pinned setting and still reports both errors', () => {
    const choice = chooseSpendModel(
      simulate('mbgnbd', 2_000, 3),
      WINDOW,
      { minRepeatBuyers: 50 },
      'bgnbd',
    );
    expect(choice).toMatchObject({ chosen: 'bgnbd', pinned: true, setting: 'bgnbd' });
    expect(choice.reason).toBe('pinned by value.spendModel (bgnbd)');
    expect(choice.errors.bgnbd).toBeGreaterThan(0);
    expect(choice.errors.mbgnbd).toBeGreaterThan(0);
    expect(choice.errors.simple).toBeGreaterThan(0);
  });

  it('keeps BG/NBD, with the reason, when too few customers bought again before the holdout', () => {
    const few = simulate('mbgnbd', 2_000, 5).filter((customer) => customer.summary.x === 0);
    const choice = chooseSpendModel(
      [
        ...few,
        ...simulate('bgnbd', 400, 6)
          .filter((c) => c.summary.x > 0)
          .slice(0, 10),
      ],
      WINDOW,
      { minRepeatBuyers: 50 },
      'auto',
    );
    expect(choice.chosen).toBe('bgnbd');
    expect(choice.reason).toBe(
      'too little history to compare the models: 10 repeat buyers before the holdout (to 1972-09-27), fewer than minRepeatBuyers (50); BG/NBD is the default',
    );
    expect(choice.errors).toEqual({ bgnbd: null, mbgnbd: null, simple: null });
  });
});

describe('choiceStillHolds', () => {
  const choice = chooseSpendModel(
    simulate('bgnbd', 500, 7),
    WINDOW,
    { minRepeatBuyers: 50 },
    'auto',
  );

  it('holds for a week around the asOf it was made at, under the same setting and holdout', () => {
    expect(choiceStillHolds(choice, WINDOW.until + 6 * DAY_MS, 'auto', 180)).toBe(true);
    expect(choiceStillHolds(choice, WINDOW.until - 6 * DAY_MS, 'auto', 180)).toBe(true);
    expect(choiceStillHolds(choice, WINDOW.until + CHOICE_VALID_DAYS * DAY_MS, 'auto', 180)).toBe(
      false,
    );
    expect(choiceStillHolds(choice, WINDOW.until, 'mbgnbd', 180)).toBe(false);
    expect(choiceStillHolds(choice, WINDOW.until, 'auto', 90)).toBe(false);
    expect(choiceStillHolds(undefined, WINDOW.until, 'auto', 180)).toBe(false);
  });
});

describe('a choice made without comparing both models', () => {
  it('is made again at the next recompute, when new data may allow the comparison', () => {
    const early = chooseSpendModel(
      simulate('bgnbd', 300, 8).filter((customer) => customer.summary.x === 0),
      WINDOW,
      { minRepeatBuyers: 50 },
      'auto',
    );
    expect(early.errors.bgnbd).toBeNull();
    expect(choiceStillHolds(early, WINDOW.until, 'auto', 180)).toBe(false);
    const pinned = { ...early, pinned: true, setting: 'bgnbd' as const };
    expect(choiceStillHolds(pinned, WINDOW.until, 'bgnbd', 180)).toBe(true);
  });
});
