import { In } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { TimelineSource } from '../members/timeline-sources';
import { PurchaseResponseDto } from './dto/purchase-response.dto';
import { Purchase } from './purchase.entity';

/** Orders and refunds on a member's timeline; a refund names its order's externalId. */
export function purchaseTimelineSource(settings: HaloSettings): TimelineSource<Purchase> {
  return {
    type: 'purchase',
    entity: Purchase,
    alias: 'purchase',
    memberColumn: 'purchase.member_id',
    occurredColumn: 'purchase.occurred_at',
    occurredAt: (purchase) => purchase.occurredAt,
    describe: async (purchases, manager, words) => {
      const refundOfIds = purchases
        .map((purchase) => purchase.refundOfId)
        .filter((id): id is string => Boolean(id));
      const orders = refundOfIds.length
        ? await manager.find(Purchase, {
            where: { id: In([...new Set(refundOfIds)]) },
            select: { id: true, externalId: true },
          })
        : [];
      const refundedOrders = new Map(orders.map((order) => [order.id, order.externalId]));
      return purchases.map((purchase) => {
        const refundOf = purchase.refundOfId
          ? (refundedOrders.get(purchase.refundOfId) ?? null)
          : null;
        return {
          summary: words.purchase(
            purchase.kind,
            purchase.externalId,
            purchase.amountMinor,
            purchase.currency,
            purchase.product,
          ),
          record: PurchaseResponseDto.from(purchase, settings.money.baseCurrency, refundOf),
        };
      });
    },
  };
}
