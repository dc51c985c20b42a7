import { createHmac, timingSafeEqual } from 'node:crypto';

/** Halo's own scheme (generic senders, outbound): HMAC-SHA256 over `timestamp.body`, hex. */
export const SIGNATURE_HEADER = 'x-halo-signature';
export const TIMESTAMP_HEADER = 'x-halo-timestamp';
export const SIGNATURE_PREFIX = 'sha256=';

export function haloSignature(secret: string, timestamp: string, body: Buffer | string): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(body);
  return `${SIGNATURE_PREFIX}${hmac.digest('hex')}`;
}

/** Shopify and WooCommerce: base64 HMAC-SHA256 of the raw body. */
export function base64BodySignature(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Compares in constant time for equal lengths; a length mismatch reveals only the length. */
export function sameSignature(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(given.trim(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
