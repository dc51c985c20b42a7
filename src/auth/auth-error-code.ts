/** The auth module's error codes. Clients rely on these strings: never rename one. */
export enum AuthErrorCode {
  API_KEY_MISSING = 'API_KEY_MISSING',
  API_KEY_INVALID = 'API_KEY_INVALID',
  ROLE_INSUFFICIENT = 'ROLE_INSUFFICIENT',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
}
