import { deriveVerifiedPurchase } from './verified-purchase';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe('deriveVerifiedPurchase', () => {
  const orders = [
    { product: 'Trail Shoes', occurredAt: day('2026-01-10') },
    { product: 'Rain jacket', occurredAt: day('2026-03-01') },
  ];

  it('is undefined when no order names a product: the given value stands', () => {
    expect(deriveVerifiedPurchase([], 'Trail shoes', day('2026-02-01'))).toBeUndefined();
  });

  it('is true for the same product bought before publication, ignoring case and spacing', () => {
    expect(deriveVerifiedPurchase(orders, ' trail  shoes', day('2026-02-01'))).toBe(true);
    expect(deriveVerifiedPurchase(orders, 'Trail Shoes', day('2026-01-10'))).toBe(true);
  });

  it('is false for a product bought only after publication', () => {
    expect(deriveVerifiedPurchase(orders, 'Rain jacket', day('2026-02-01'))).toBe(false);
  });

  it('is false for a product never bought', () => {
    expect(deriveVerifiedPurchase(orders, 'Tent', day('2026-06-01'))).toBe(false);
  });
});
