/** The mentions module's error codes. Clients rely on these strings: never rename one. */
export enum MentionsErrorCode {
  MENTION_NOT_FOUND = 'MENTION_NOT_FOUND',
  MENTION_EXISTS = 'MENTION_EXISTS',
  MENTION_KEYS_DISAGREE = 'MENTION_KEYS_DISAGREE',
  HANDLE_OF_ANOTHER_MEMBER = 'HANDLE_OF_ANOTHER_MEMBER',
}
