import { MoneyCustomer, compareMoney, spendPerPurchase } from './holdout-money';

// Gamma-Gamma p 6, q 4, gamma 1500 (minor units): population mean 6 × 1500 / 3 = 3000; with
// x 2 and zbar 4000: 6 (1500 + 2 × 4000) / (6 × 2 + 4 − 1) = 57000 / 15 = 3800.
const GAMMA_GAMMA = { p: 6, q: 4, gamma: 1500 };

const customer = (
  x: number,
  zbar: number,
  actual: number,
  spendMinor: number,
  repeatSpendMinor = spendMinor,
  totalNetMinor = 0,
): MoneyCustomer => ({
  summary: { x, tx: x ? 100 : 0, T: 200, purchaseDays: x + 1, zbar, totalNetMinor },
  actual,
  spendMinor,
  repeatSpendMinor,
});

describe('spendPerPurchase', () => {
  it("is Gamma-Gamma's conditional expectation, its population mean without repeat spend", () => {
    const spend = spendPerPurchase(GAMMA_GAMMA, null);
    expect(spend.reason).toBeNull();
    expect(spend.expectation(customer(2, 4000, 0, 0).summary)).toBeCloseTo(3800, 10);
    expect(spend.expectation(customer(0, 0, 0, 0).summary)).toBeCloseTo(3000, 10);
    // A repeat buyer whose repeat days netted to nothing: the population mean.
    expect(spend.expectation(customer(3, 0, 0, 0).summary)).toBeCloseTo(3000, 10);
  });

  it("is the customer's own average order value when the fitted column is the simple formula", () => {
    const spend = spendPerPurchase(GAMMA_GAMMA, '3 repeat buyers, fewer than minRepeatBuyers (50)');
    expect(spend.reason).toContain('simple formula');
    expect(spend.reason).toContain('minRepeatBuyers');
    // 9000 over 3 purchase days.
    expect(spend.expectation(customer(2, 4000, 0, 0, 0, 9000).summary)).toBe(3000);
    expect(spendPerPurchase(null, null).reason).toContain('no Gamma-Gamma fit');
  });

  it('falls back to the average order value when Gamma-Gamma has no finite mean (q ≤ 1)', () => {
    const spend = spendPerPurchase({ p: 6, q: 0.9, gamma: 1500 }, null);
    expect(spend.reason).toContain('unbounded');
    expect(spend.expectation(customer(0, 0, 0, 0, 0, 2500).summary)).toBe(2500);
  });
});

describe('compareMoney', () => {
  // Expected purchases in the holdout: 1.5 for the repeat buyer, 0.5 for the others.
  const purchases = ({ x }: { x: number }) => (x === 0 ? 0.5 : 1.5);
  const CUSTOMERS = [
    // 3800 × 1.5 = 5700 expected; spent 5000 on one repeat day.
    customer(2, 4000, 1, 5000),
    // 3000 × 0.5 = 1500 expected; spent nothing.
    customer(0, 0, 0, 0),
    // 1500 expected; spent 7000, 1000 of it on the day of their last purchase before asOf:
    // 6000 over two repeat days, 3000 a purchase.
    customer(0, 0, 2, 7000, 6000),
  ];

  it('compares expected and actual spend in total, by past purchases and per purchase', () => {
    const money = compareMoney(CUSTOMERS, purchases, spendPerPurchase(GAMMA_GAMMA, null));
    expect(money.totalExpectedMinor).toBeCloseTo(8700, 8);
    expect(money.totalActualMinor).toBe(12000);
    // (8700 − 12000) / 12000
    expect(money.totalPercentError).toBeCloseTo(-27.5, 8);
    expect(money.calibration[0]).toEqual({
      pastPurchases: 0,
      customers: 2,
      meanExpectedMinor: expect.closeTo(1500, 8),
      meanActualMinor: 3500,
    });
    expect(money.calibration[1]).toMatchObject({ customers: 0, meanExpectedMinor: null });
    expect(money.calibration[2]).toEqual({
      pastPurchases: 2,
      customers: 1,
      meanExpectedMinor: expect.closeTo(5700, 8),
      meanActualMinor: 5000,
    });
    // Those who bought: |3800 − 5000| and |3000 − 3000|.
    expect(money.spendPerPurchase).toEqual({
      customers: 2,
      meanAbsoluteErrorMinor: expect.closeTo(600, 8),
      meanExpectedMinor: expect.closeTo(3400, 8),
      meanActualMinor: 4000,
    });
    expect(money.reason).toBeNull();
  });

  it('has no error or means without spend or customers', () => {
    const money = compareMoney(
      [customer(0, 0, 0, 0)],
      purchases,
      spendPerPurchase(GAMMA_GAMMA, null),
    );
    expect(money.totalPercentError).toBeNull();
    expect(money.spendPerPurchase).toEqual({
      customers: 0,
      meanAbsoluteErrorMinor: null,
      meanExpectedMinor: null,
      meanActualMinor: null,
    });
  });
});
