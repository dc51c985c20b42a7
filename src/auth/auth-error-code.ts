/** The auth module's error codes. Clients rely on these strings: never rename one. */
export enum AuthErrorCode {
  API_KEY_MISSING = 'API_KEY_MISSING',
  API_KEY_INVALID = 'API_KEY_INVALID',
  ROLE_INSUFFICIENT = 'ROLE_INSUFFICIENT',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  /** The session cookie names no live session (signed out, expired, or its key revoked). */
  SESSION_INVALID = 'SESSION_INVALID',
  /** A write with the session cookie from another origin (or with no Origin nor Sec-Fetch-Site). */
  CSRF_ORIGIN_MISMATCH = 'CSRF_ORIGIN_MISMATCH',
  /** A write with the session cookie without the session's X-CSRF-Token. */
  CSRF_TOKEN_INVALID = 'CSRF_TOKEN_INVALID',
}
