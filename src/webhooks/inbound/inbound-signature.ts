import { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../../common/errors/domain-error';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  base64BodySignature,
  haloSignature,
  sameSignature,
} from '../webhook-signatures';
import { SourceKind } from '../webhook-source.entity';
import { WebhooksErrorCode } from '../webhooks-error-code';

/** A generic delivery older (or further ahead) than this is refused: a replay of a stolen one. */
export const GENERIC_TOLERANCE_MS = 5 * 60_000;

const SIGNATURE_HEADERS: Record<SourceKind, string> = {
  shopify: 'x-shopify-hmac-sha256',
  woocommerce: 'x-wc-webhook-signature',
  generic: SIGNATURE_HEADER,
};

/**
 * Checks the sender's HMAC over the raw body, in constant time: Shopify and WooCommerce sign
 * the body (base64), Halo's generic scheme signs `timestamp.body` (hex) and must be recent.
 * Throws 401 WEBHOOK_SIGNATURE_INVALID (or WEBHOOK_TIMESTAMP_STALE); the reason never says
 * which signature was expected.
 */
export function verifySignature(
  kind: SourceKind,
  secret: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  now: number,
): void {
  const header = SIGNATURE_HEADERS[kind];
  const given = single(headers[header]);
  if (kind !== 'generic') {
    if (!sameSignature(base64BodySignature(secret, body), given)) throw badSignature(header);
    return;
  }
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp))
    throw badSignature(TIMESTAMP_HEADER, 'must be the Unix time in seconds of the signing');
  if (!sameSignature(haloSignature(secret, timestamp, body), given)) throw badSignature(header);
  // Checked after the signature, so that an unsigned request learns nothing about the clock.
  if (Math.abs(now - Number(timestamp) * 1000) > GENERIC_TOLERANCE_MS)
    throw new DomainError(
      'unauthorized',
      WebhooksErrorCode.WEBHOOK_TIMESTAMP_STALE,
      'the signed timestamp is more than 5 minutes away from now',
      [{ field: TIMESTAMP_HEADER, reason: 'is more than 5 minutes old or ahead', code: 'stale' }],
    );
}

function badSignature(
  header: string,
  reason = 'is missing or does not match the body and the source secret',
): DomainError {
  return new DomainError(
    'unauthorized',
    WebhooksErrorCode.WEBHOOK_SIGNATURE_INVALID,
    'the webhook signature does not verify',
    [{ field: header, reason, code: 'signatureInvalid' }],
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
