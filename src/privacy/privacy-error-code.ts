/** The privacy module's error codes (erasure, tombstones). Clients rely on them: never rename. */
export enum PrivacyErrorCode {
  /** A recompute or an import kept running longer than the erasure waits for it; retry later. */
  ERASURE_BLOCKED = 'ERASURE_BLOCKED',
  /** No tombstone holds the email, handle or externalId presented to lift. */
  TOMBSTONE_NOT_FOUND = 'TOMBSTONE_NOT_FOUND',
}
