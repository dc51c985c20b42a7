import { EntityManager, In } from 'typeorm';
import { findAmong } from '../database/batch/batch-plan';
import { Mention } from './mention.entity';
import { normalizeUrl } from './normalize-url';

/**
 * The ids of the mentions at these urls (normalised), by the url as given. MentionsModule gives
 * it to PurchasesService, which calls it at write time, so that attribution.mentionUrl names
 * the same mention on every write of a purchase.
 */
export async function mentionIdsForUrls(
  manager: EntityManager,
  urls: string[],
): Promise<Map<string, string>> {
  const normalized = new Map<string, string>();
  for (const url of urls) {
    const urlNormalized = normalizeUrl(url);
    if (urlNormalized) normalized.set(url, urlNormalized);
  }
  const mentions = await findAmong(
    manager,
    Mention,
    normalized.values(),
    (chunk) => ({ urlNormalized: In(chunk) }),
    { select: { id: true, urlNormalized: true } },
  );
  const ids = new Map(mentions.map((mention) => [mention.urlNormalized, mention.id]));
  const found = new Map<string, string>();
  for (const [url, urlNormalized] of normalized) {
    const id = ids.get(urlNormalized);
    if (id) found.set(url, id);
  }
  return found;
}
