/** The digests module's error codes. Clients rely on these strings: never rename one. */
export enum DigestsErrorCode {
  DIGEST_SUBSCRIPTION_NOT_FOUND = 'DIGEST_SUBSCRIPTION_NOT_FOUND',
  DIGEST_ALREADY_SENT = 'DIGEST_ALREADY_SENT',
  UNSUBSCRIBE_LINK_NOT_FOUND = 'UNSUBSCRIBE_LINK_NOT_FOUND',
}
