import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDecimals, mapWooCommerce } from './woocommerce.mapper';

/** From test/fixtures/webhooks: built from WooCommerce's documented REST v3 order. */
const order = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/webhooks/woocommerce-order.json'), 'utf8'),
) as Record<string, unknown>;

describe('mapWooCommerce', () => {
  it('maps a paid order to the sum of its line totals, dated when paid (GMT), scoped by source', () => {
    expect(mapWooCommerce('order.created', order, 'source-1')).toEqual({
      kind: 'order',
      order: {
        externalId: 'woocommerce:source-1:727',
        customer: {
          email: 'ada.bianchi@example.com',
          externalId: 'woocommerce:source-1:26',
          name: 'Ada Bianchi',
        },
        amount: '50.00',
        currency: 'EUR',
        occurredAt: '2026-12-02T10:30:04Z',
        product: null,
      },
    });
  });

  it('ignores an unpaid order and a guest has no customer id', () => {
    const pending = { ...order, status: 'pending', date_paid_gmt: null };
    expect(mapWooCommerce('order.created', pending, 's').kind).toBe('ignored');
    const guest = mapWooCommerce('order.created', { ...order, customer_id: 0 }, 's');
    expect(guest.kind === 'order' && guest.order.customer.externalId).toBeUndefined();
  });

  it('adds decimals exactly', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('19.99', '0.01')).toBe('20.00');
    expect(addDecimals('0', '7')).toBe('7');
  });
});
