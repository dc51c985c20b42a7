/** The members module's error codes (members, identities, merges); clients rely on them. */
export enum MembersErrorCode {
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  UNKNOWN_MEMBER = 'UNKNOWN_MEMBER',
  MEMBER_EXISTS = 'MEMBER_EXISTS',
  IDENTITY_TAKEN = 'IDENTITY_TAKEN',
  SAME_MEMBER = 'SAME_MEMBER',
  MERGE_INTO_SELF = 'MERGE_INTO_SELF',
  MEMBER_ALREADY_MERGED = 'MEMBER_ALREADY_MERGED',
  /** The email, handle or externalId belongs to a person erased at their request. */
  ERASED_PERSON = 'ERASED_PERSON',
  IDENTITY_NOT_FOUND = 'IDENTITY_NOT_FOUND',
}
