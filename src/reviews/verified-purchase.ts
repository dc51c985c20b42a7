/** An order as far as verification needs it. */
export interface ProductOrder {
  product: string;
  occurredAt: number;
}

export function normalizeProduct(product: string): string {
  return product.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether a review is a verified purchase, when the member's orders can say so: undefined when
 * none of their orders names a product (then the client's word stands); else whether an order
 * of the same product (ignoring case and spacing) came at or before publication.
 */
export function deriveVerifiedPurchase(
  orders: ProductOrder[],
  product: string,
  publishedAt: number,
): boolean | undefined {
  if (!orders.length) return undefined;
  const wanted = normalizeProduct(product);
  return orders.some(
    (order) => order.occurredAt <= publishedAt && normalizeProduct(order.product) === wanted,
  );
}
