import { EntityManager } from 'typeorm';

/**
 * The ids of the mentions at these urls (normalised), by the url as given; urls without a
 * mention are left out. Mentions provide it (they depend on purchases, not the reverse); a
 * purchase resolves attribution.mentionUrl with it at write time.
 */
export type MentionUrlResolver = (
  manager: EntityManager,
  urls: string[],
) => Promise<Map<string, string>>;
