import { DomainError } from '../../common/errors/domain-error';
import { base64BodySignature, haloSignature } from '../webhook-signatures';
import { verifySignature } from './inbound-signature';

const SECRET = 'a-shared-secret';
const BODY = Buffer.from('{"id":1}');
const NOW = Date.parse('2026-12-03T09:00:00Z');

const codeOf = (run: () => void) => {
  try {
    run();
    return 'verified';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('verifySignature', () => {
  it('checks Shopify and WooCommerce base64 HMACs of the raw body', () => {
    const signature = base64BodySignature(SECRET, BODY);
    const shopify = { 'x-shopify-hmac-sha256': signature };
    expect(codeOf(() => verifySignature('shopify', SECRET, shopify, BODY, NOW))).toBe('verified');
    expect(
      codeOf(() =>
        verifySignature('woocommerce', SECRET, { 'x-wc-webhook-signature': signature }, BODY, NOW),
      ),
    ).toBe('verified');
    expect(codeOf(() => verifySignature('shopify', 'other', shopify, BODY, NOW))).toBe(
      'WEBHOOK_SIGNATURE_INVALID',
    );
    expect(codeOf(() => verifySignature('shopify', SECRET, {}, BODY, NOW))).toBe(
      'WEBHOOK_SIGNATURE_INVALID',
    );
  });

  it('checks the generic HMAC of timestamp.body and refuses one more than 5 minutes away', () => {
    const headers = (at: number) => {
      const timestamp = String(Math.floor(at / 1000));
      return {
        'x-halo-timestamp': timestamp,
        'x-halo-signature': haloSignature(SECRET, timestamp, BODY),
      };
    };
    const verify = (at: number) =>
      codeOf(() => verifySignature('generic', SECRET, headers(at), BODY, NOW));
    expect(verify(NOW - 4 * 60_000)).toBe('verified');
    expect(verify(NOW - 6 * 60_000)).toBe('WEBHOOK_TIMESTAMP_STALE');
    expect(verify(NOW + 6 * 60_000)).toBe('WEBHOOK_TIMESTAMP_STALE');
    // The timestamp is signed: moving it breaks the signature.
    const moved = { ...headers(NOW - 10 * 60_000), 'x-halo-timestamp': String(NOW / 1000) };
    expect(codeOf(() => verifySignature('generic', SECRET, moved, BODY, NOW))).toBe(
      'WEBHOOK_SIGNATURE_INVALID',
    );
  });
});
