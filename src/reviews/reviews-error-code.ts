/** The reviews module's error codes. Clients rely on these strings: never rename one. */
export enum ReviewsErrorCode {
  REVIEW_NOT_FOUND = 'REVIEW_NOT_FOUND',
  REVIEW_EXISTS = 'REVIEW_EXISTS',
  REVIEW_KEYS_DISAGREE = 'REVIEW_KEYS_DISAGREE',
}
