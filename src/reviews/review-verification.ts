import { EntityManager } from 'typeorm';
import { Purchase } from '../purchases/purchase.entity';
import { Review } from './review.entity';
import { ProductOrder, deriveVerifiedPurchase } from './verified-purchase';

/** The member's orders that name a product. */
export async function productOrders(
  manager: EntityManager,
  memberId: string,
): Promise<ProductOrder[]> {
  const rows = await manager
    .getRepository(Purchase)
    .createQueryBuilder('purchase')
    .select(['purchase.product', 'purchase.occurredAt'])
    .where("purchase.member_id = :memberId AND purchase.kind = 'order'", { memberId })
    .andWhere('purchase.product IS NOT NULL')
    .getMany();
  return rows.map((row) => ({ product: row.product!, occurredAt: row.occurredAt }));
}

/**
 * Purchase listener: a new order naming a product may verify (or, for a member whose orders
 * named no products before, decide) the verified flag of that member's reviews.
 */
export async function reverifyReviews(manager: EntityManager, purchase: Purchase): Promise<void> {
  if (purchase.kind !== 'order' || !purchase.product) return;
  const reviews = await manager.getRepository(Review).find({
    where: { memberId: purchase.memberId },
    select: {
      id: true,
      product: true,
      publishedAt: true,
      verifiedPurchase: true,
      verifiedPurchaseSource: true,
    },
  });
  if (!reviews.length) return;
  const orders = await productOrders(manager, purchase.memberId);
  for (const review of reviews) {
    const verified = deriveVerifiedPurchase(orders, review.product, review.publishedAt)!;
    if (verified === review.verifiedPurchase && review.verifiedPurchaseSource === 'derived')
      continue;
    await manager.update(
      Review,
      { id: review.id },
      { verifiedPurchase: verified, verifiedPurchaseSource: 'derived', updatedAt: Date.now() },
    );
  }
}
