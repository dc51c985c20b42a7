import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../common/errors/domain-error';
import { quoteLargeIntegers } from './large-integers';
import { mapShopify } from './shopify.mapper';

/** Payloads from test/fixtures/webhooks: built from Shopify's documented Order and Refund. */
const fixture = (name: string) =>
  JSON.parse(
    quoteLargeIntegers(
      readFileSync(join(__dirname, '../../../test/fixtures/webhooks', name), 'utf8'),
    ),
  ) as Record<string, unknown>;

describe('mapShopify', () => {
  const order = fixture('shopify-order-paid.json');

  it('maps a paid order to its subtotal in the shop currency, the buyer by email and customer id', () => {
    expect(mapShopify('orders/paid', order)).toEqual({
      kind: 'order',
      order: {
        externalId: 'shopify:820982911946154508',
        customer: {
          email: 'jon@example.com',
          externalId: 'shopify:115310627314723954',
          name: 'Jon Snow',
        },
        amount: '398.00',
        currency: 'EUR',
        occurredAt: '2026-11-30T10:15:00-05:00',
        product: 'Trail runner',
      },
    });
  });

  it('stores orders/create only when already paid, and no product for several lines', () => {
    expect(mapShopify('orders/create', { ...order, financial_status: 'pending' })).toEqual({
      kind: 'ignored',
      reason: 'order 820982911946154508 is not paid yet (pending)',
    });
    const lines = order.line_items as object[];
    const twoLines = mapShopify('orders/create', { ...order, line_items: [...lines, ...lines] });
    expect(twoLines.kind === 'order' && twoLines.order.product).toBeNull();
  });

  it('refunds the subtotal of the refunded lines, else the refund transactions', () => {
    const refund = fixture('shopify-refund.json');
    expect(mapShopify('refunds/create', refund)).toEqual({
      kind: 'refund',
      refund: {
        externalId: 'shopify:refund:509562969',
        orderExternalId: 'shopify:820982911946154508',
        amounts: ['199.00'],
        currency: 'EUR',
        occurredAt: '2026-12-01T09:00:00-05:00',
      },
    });
    const amountOnly = mapShopify('refunds/create', { ...refund, refund_line_items: [] });
    expect(amountOnly.kind === 'refund' && amountOnly.refund.amounts).toEqual(['238.78']);
  });

  it('refuses a payload without what Halo needs, naming the field', () => {
    const { subtotal_price: _ignored, ...withoutAmount } = order;
    expect(() => mapShopify('orders/paid', withoutAmount)).toThrow(DomainError);
    try {
      mapShopify('orders/paid', withoutAmount);
    } catch (error) {
      expect((error as DomainError).details[0].field).toBe('subtotal_price');
    }
  });
});
