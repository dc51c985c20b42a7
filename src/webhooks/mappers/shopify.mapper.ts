import {
  Payload,
  arrayOf,
  fullName,
  objectOrNull,
  optionalId,
  optionalText,
  payloadInvalid,
  requiredAmount,
  requiredId,
  requiredText,
} from './payload-fields';
import { ShopEvent } from './shop-records';

export const SHOPIFY_TOPICS = ['orders/create', 'orders/paid', 'refunds/create'] as const;

/**
 * Shopify's order and refund webhooks as Halo records (DESIGN.md, Webhooks): an order is
 * stored once paid (`orders/paid`, or `orders/create` already paid) at its `subtotal_price` in
 * the shop currency; refunds at the subtotal of their refunded lines, else their refund
 * transactions. Every other field of Shopify's payload is ignored.
 */
export function mapShopify(topic: string, payload: Payload): ShopEvent {
  switch (topic) {
    case 'orders/create':
    case 'orders/paid':
      return mapOrder(topic, payload);
    case 'refunds/create':
      return mapRefund(payload);
    default:
      return { kind: 'ignored', reason: `topic ${topic} is not one Halo reads` };
  }
}

function mapOrder(topic: string, order: Payload): ShopEvent {
  const id = requiredId(order, 'id');
  const financialStatus = optionalText(order, 'financial_status');
  if (topic === 'orders/create' && financialStatus !== 'paid')
    return {
      kind: 'ignored',
      reason: `order ${id} is not paid yet (${financialStatus ?? 'no status'})`,
    };
  const customer = objectOrNull(order.customer);
  const lines = arrayOf(order.line_items);
  return {
    kind: 'order',
    order: {
      externalId: `shopify:${id}`,
      customer: {
        email: optionalText(order, 'email') ?? optionalText(customer, 'email'),
        externalId: optionalId(customer, 'id') && `shopify:${optionalId(customer, 'id')}`,
        name: fullName(optionalText(customer, 'first_name'), optionalText(customer, 'last_name')),
      },
      amount: requiredAmount(order, 'subtotal_price'),
      currency: requiredText(order, 'currency'),
      occurredAt: optionalText(order, 'processed_at') ?? requiredText(order, 'created_at'),
      product: lines.length === 1 ? (optionalText(lines[0], 'title')?.slice(0, 200) ?? null) : null,
    },
  };
}

function mapRefund(refund: Payload): ShopEvent {
  const id = requiredId(refund, 'id');
  const orderId = requiredId(refund, 'order_id');
  const lineAmounts: string[] = [];
  let currency: string | null = null;
  arrayOf(refund.refund_line_items).forEach((line, index) => {
    const shopMoney = objectOrNull(objectOrNull(line.subtotal_set)?.shop_money);
    if (shopMoney) {
      lineAmounts.push(
        requiredAmount(shopMoney, 'amount', `refund_line_items[${index}].subtotal_set.shop_money.`),
      );
      currency = optionalText(shopMoney, 'currency_code') ?? currency;
    } else {
      lineAmounts.push(requiredAmount(line, 'subtotal', `refund_line_items[${index}].`));
    }
  });
  let amounts = lineAmounts;
  if (amounts.length === 0) {
    // A refund of no line (an amount, shipping): what was paid back.
    const paidBack = arrayOf(refund.transactions).filter(
      (transaction) =>
        optionalText(transaction, 'kind') === 'refund' &&
        optionalText(transaction, 'status') === 'success',
    );
    amounts = paidBack.map((transaction, index) =>
      requiredAmount(transaction, 'amount', `transactions[${index}].`),
    );
    currency = paidBack.length ? (optionalText(paidBack[0], 'currency') ?? null) : null;
  }
  if (amounts.length === 0) return { kind: 'ignored', reason: `refund ${id} pays nothing back` };
  const occurredAt = optionalText(refund, 'processed_at') ?? optionalText(refund, 'created_at');
  if (!occurredAt) throw payloadInvalid('created_at', 'must be a non-empty string');
  return {
    kind: 'refund',
    refund: {
      externalId: `shopify:refund:${id}`,
      orderExternalId: `shopify:${orderId}`,
      amounts,
      currency,
      occurredAt,
    },
  };
}
