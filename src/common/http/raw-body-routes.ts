/** Routes that read their own request stream (bulk imports): no JSON parsing, their own limit. */
export const RAW_BODY_PREFIX = '/api/v1/import';

/** Inbound webhooks read their raw bytes too: the sender's HMAC covers them exactly. */
export const WEBHOOK_RAW_BODY_PREFIX = '/api/v1/webhooks/';

export function readsRawBody(path: string): boolean {
  return path.startsWith(RAW_BODY_PREFIX) || path.startsWith(WEBHOOK_RAW_BODY_PREFIX);
}
