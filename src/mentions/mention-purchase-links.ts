import { EntityManager, In } from 'typeorm';
import { findAmong, insertMany } from '../database/batch/batch-plan';
import { anyRow } from '../database/sql';
import { Purchase } from '../purchases/purchase.entity';
import { Mention } from './mention.entity';
import { normalizeUrl } from './normalize-url';
import { PurchaseMentionUrl } from './purchase-mention-url.entity';

const NAMED_BY_URL =
  'id IN (SELECT purchase_id FROM purchase_mention_urls WHERE url_normalized = :url)';

/** Purchase listener: remembers the normalised attribution.mentionUrl of new purchases. */
export async function rememberMentionUrls(
  manager: EntityManager,
  purchases: Purchase[],
): Promise<void> {
  const remembered = purchases.flatMap((purchase) => {
    const urlNormalized = purchase.attributionMentionUrl
      ? normalizeUrl(purchase.attributionMentionUrl)
      : undefined;
    return urlNormalized ? [{ purchaseId: purchase.id, urlNormalized }] : [];
  });
  await insertMany(manager, PurchaseMentionUrl, remembered as PurchaseMentionUrl[]);
}

/** The normalised urls among these that some purchase named before its mention existed. */
export async function purchaseUrlsAmong(
  manager: EntityManager,
  urlsNormalized: string[],
): Promise<Set<string>> {
  const rows = await findAmong(
    manager,
    PurchaseMentionUrl,
    urlsNormalized,
    (chunk) => ({ urlNormalized: In(chunk) }),
    { select: { urlNormalized: true } },
  );
  return new Set(rows.map((row) => row.urlNormalized));
}

/** A new mention: the purchases that named its url before it existed now name it. */
export async function linkPurchasesToMention(
  manager: EntityManager,
  mention: Mention,
): Promise<void> {
  // Most mentions were named by no purchase beforehand: a probe spares them the update.
  const sql = 'SELECT 1 FROM purchase_mention_urls WHERE url_normalized = :url LIMIT 1';
  if (!(await anyRow(manager, sql, { url: mention.urlNormalized }))) return;
  await manager
    .createQueryBuilder()
    .update(Purchase)
    .set({ attributionMentionId: mention.id })
    .where('attribution_mention_id IS NULL')
    .andWhere(NAMED_BY_URL, { url: mention.urlNormalized })
    .execute();
}

/** A deleted mention: purchases that named it by url no longer name it (as a new write would not). */
export async function unlinkPurchasesFromMention(
  manager: EntityManager,
  mention: Mention,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Purchase)
    .set({ attributionMentionId: null })
    .where('attribution_mention_id = :id', { id: mention.id })
    .andWhere(NAMED_BY_URL, { url: mention.urlNormalized })
    .execute();
}
