/** The feedback module's error codes. Clients rely on these strings: never rename one. */
export enum FeedbackErrorCode {
  FEEDBACK_NOT_FOUND = 'FEEDBACK_NOT_FOUND',
  FEEDBACK_EXISTS = 'FEEDBACK_EXISTS',
}
