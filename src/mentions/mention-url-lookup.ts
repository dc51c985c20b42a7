import { EntityManager } from 'typeorm';
import { Mention } from './mention.entity';
import { normalizeUrl } from './normalize-url';

/**
 * The id of the mention at this url (normalised), or null. MentionsModule gives it to
 * PurchasesService, which calls it at write time, so that attribution.mentionUrl names the same
 * mention on every write of a purchase.
 */
export async function mentionIdForUrl(
  manager: EntityManager,
  url: string | null | undefined,
): Promise<string | null> {
  const urlNormalized = url ? normalizeUrl(url) : undefined;
  if (!urlNormalized) return null;
  const mention = await manager
    .getRepository(Mention)
    .findOne({ where: { urlNormalized }, select: { id: true } });
  return mention?.id ?? null;
}
