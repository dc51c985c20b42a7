import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A vendor payload from test/fixtures/webhooks (built from the vendors' documented schemas). */
export function webhookFixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'webhooks', name), 'utf8');
}

/** Shopify's and WooCommerce's signature: base64 HMAC-SHA256 of the raw body. */
export function shopSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Halo's generic scheme: `sha256=` hex HMAC-SHA256 of `timestamp.body`. */
export function haloSignatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
