import { EntityManager } from 'typeorm';

/**
 * The id of the mention at a url (normalised), or null. Mentions provide it (they depend on
 * purchases, not the reverse); a purchase resolves attribution.mentionUrl with it at write time.
 */
export type MentionUrlResolver = (
  manager: EntityManager,
  url: string | null | undefined,
) => Promise<string | null>;
