/** What a shop's webhook means to Halo, before members and purchases are looked up. */
export interface ShopCustomer {
  email?: string;
  /** `shopify:<customer.id>`: the member's externalId when Halo creates the member. */
  externalId?: string;
  name?: string;
}

export interface ShopOrder {
  /** The purchase's externalId, e.g. `shopify:<order.id>`: deliveries of one order are one purchase. */
  externalId: string;
  customer: ShopCustomer;
  /** Decimal, in the shop currency. */
  amount: string;
  currency: string;
  occurredAt: string;
  /** The product of a single-line order; null for several lines. */
  product: string | null;
}

export interface ShopRefund {
  externalId: string;
  orderExternalId: string;
  /** Decimal amounts that add up to the refund, in `currency` (null: the order's). */
  amounts: string[];
  currency: string | null;
  occurredAt: string;
}

/** An order, a refund, or a delivery that stores nothing (with the reason, for the answer). */
export type ShopEvent =
  | { kind: 'order'; order: ShopOrder }
  | { kind: 'refund'; refund: ShopRefund }
  | { kind: 'ignored'; reason: string };
