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

export const WOOCOMMERCE_TOPICS = ['order.created'] as const;

/** WooCommerce statuses of an order that has been paid. */
const PAID_STATUSES = new Set(['processing', 'completed']);
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * WooCommerce's `order.created` webhook (REST API v3 order shape) as a Halo order: stored when
 * paid, at the sum of its line totals (after discounts, before tax and shipping, as Shopify's
 * subtotal). Order and customer ids are per store, so they are scoped by the Halo source.
 */
export function mapWooCommerce(topic: string, order: Payload, sourceId: string): ShopEvent {
  if (topic !== 'order.created')
    return { kind: 'ignored', reason: `topic ${topic} is not one Halo reads` };
  const id = requiredId(order, 'id');
  const status = optionalText(order, 'status');
  const paidAt = optionalText(order, 'date_paid_gmt');
  if (!PAID_STATUSES.has(status ?? '') && !paidAt)
    return { kind: 'ignored', reason: `order ${id} is not paid yet (${status ?? 'no status'})` };
  const billing = objectOrNull(order.billing);
  const lines = arrayOf(order.line_items);
  const customerId = optionalId(order, 'customer_id');
  const total = lines.reduce((sum, line, index) => {
    const amount = requiredAmount(line, 'total', `line_items[${index}].`);
    if (!DECIMAL.test(amount))
      throw payloadInvalid(`line_items[${index}].total`, 'must be a non-negative decimal');
    return addDecimals(sum, amount);
  }, '0');
  return {
    kind: 'order',
    order: {
      externalId: `woocommerce:${sourceId}:${id}`,
      customer: {
        email: optionalText(billing, 'email'),
        externalId: customerId && `woocommerce:${sourceId}:${customerId}`,
        name: fullName(optionalText(billing, 'first_name'), optionalText(billing, 'last_name')),
      },
      amount: total,
      currency: requiredText(order, 'currency'),
      occurredAt: gmt(paidAt ?? requiredText(order, 'date_created_gmt')),
      product: lines.length === 1 ? (optionalText(lines[0], 'name')?.slice(0, 200) ?? null) : null,
    },
  };
}

/** WooCommerce's `_gmt` dates carry no zone: `2026-11-20T14:03:00` is UTC. */
function gmt(date: string): string {
  return /(Z|[+-]\d\d:?\d\d)$/.test(date) ? date : `${date}Z`;
}

/** Exact sum of two non-negative decimal strings (`12.5` + `0.25` = `12.75`), no floats. */
export function addDecimals(left: string, right: string): string {
  const [leftWhole, leftFraction = ''] = left.split('.');
  const [rightWhole, rightFraction = ''] = right.split('.');
  const places = Math.max(leftFraction.length, rightFraction.length);
  const scaled = (whole: string, fraction: string) => BigInt(whole + fraction.padEnd(places, '0'));
  const sum = (scaled(leftWhole, leftFraction) + scaled(rightWhole, rightFraction)).toString();
  if (places === 0) return sum;
  const digits = sum.padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
