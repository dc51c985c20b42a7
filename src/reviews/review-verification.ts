import { EntityManager, In } from 'typeorm';
import { findAmong } from '../database/batch/batch-plan';
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
 * Purchase listener: new orders naming a product may verify (or, for a member whose orders
 * named no products before, decide) the verified flag of their members' reviews. One query
 * finds which of the batch's members have reviews at all.
 */
export async function reverifyReviews(
  manager: EntityManager,
  purchases: Purchase[],
): Promise<void> {
  const memberIds = purchases
    .filter((purchase) => purchase.kind === 'order' && purchase.product)
    .map((purchase) => purchase.memberId);
  const reviews = await findAmong(
    manager,
    Review,
    memberIds,
    (chunk) => ({ memberId: In(chunk) }),
    {
      select: {
        id: true,
        memberId: true,
        product: true,
        publishedAt: true,
        verifiedPurchase: true,
        verifiedPurchaseSource: true,
      },
    },
  );
  const reviewsOf = new Map<string, Review[]>();
  for (const review of reviews)
    reviewsOf.set(review.memberId, [...(reviewsOf.get(review.memberId) ?? []), review]);
  for (const [memberId, reviews] of reviewsOf) {
    const orders = await productOrders(manager, memberId);
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
}
