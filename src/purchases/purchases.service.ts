import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { DomainError, conflict, notFound, unknownReference } from '../common/errors/domain-error';
import { CurrencyConverter } from '../common/money/currency-converter.service';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { Campaign } from '../campaigns/campaign.entity';
import { isUniqueViolation } from '../database/database-errors';
import { requireMember } from '../members/member-reference';
import { Member } from '../members/member.entity';
import { mentionIdForUrl } from '../mentions/mention-url-lookup';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { ListPurchasesQuery } from './dto/list-purchases.query';
import { Purchase } from './purchase.entity';

export type PurchaseOutcome = 'created' | 'unchanged';

/** Runs in the transaction that stores a new purchase (e.g. referral conversion). */
export type PurchaseListener = (manager: EntityManager, purchase: Purchase) => Promise<void>;

/** Fields compared when the same externalId arrives again. */
const CONTENT_FIELDS: (keyof Purchase)[] = [
  'memberId',
  'kind',
  'amountMinor',
  'currency',
  'occurredAt',
  'product',
  'productCategory',
  'refundOfId',
  'attributionReferralCode',
  'attributionReviewId',
  'attributionMentionId',
  'attributionMentionUrl',
  'attributionEventId',
  'attributionCampaignId',
];

@Injectable()
export class PurchasesService {
  private readonly listeners: PurchaseListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly converter: CurrencyConverter,
  ) {}

  get baseCurrency(): string {
    return this.converter.baseCurrency;
  }

  onPurchaseRecorded(listener: PurchaseListener): void {
    this.listeners.push(listener);
  }

  async record(
    input: CreatePurchaseDto,
    manager?: EntityManager,
  ): Promise<{ purchase: Purchase; outcome: PurchaseOutcome }> {
    if (!manager)
      return this.dataSource.transaction((transaction) => this.record(input, transaction));
    const candidate = await this.build(manager, input);
    const existing = await manager
      .getRepository(Purchase)
      .findOneBy({ externalId: input.externalId });
    if (existing) {
      const same = CONTENT_FIELDS.every((field) => existing[field] === candidate[field]);
      if (same) return { purchase: existing, outcome: 'unchanged' };
      throw conflict(
        'PURCHASE_EXISTS',
        'a purchase with this externalId exists with other content',
        'externalId',
      );
    }
    try {
      await manager.insert(Purchase, candidate);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          'PURCHASE_EXISTS',
          'a purchase with this externalId already exists',
          'externalId',
        );
      throw error;
    }
    if (candidate.kind === 'order') await this.deriveAcquisitionDate(manager, candidate);
    for (const listener of this.listeners) await listener(manager, candidate);
    return { purchase: candidate, outcome: 'created' };
  }

  async get(id: string): Promise<Purchase> {
    const purchase = await this.dataSource.getRepository(Purchase).findOneBy({ id });
    if (!purchase) throw notFound('purchase', 'id', id);
    return purchase;
  }

  async list(query: ListPurchasesQuery): Promise<Page<Purchase>> {
    const builder = this.dataSource.getRepository(Purchase).createQueryBuilder('purchase');
    if (query.memberId)
      builder.andWhere('purchase.member_id = :memberId', { memberId: query.memberId });
    if (query.kind) builder.andWhere('purchase.kind = :kind', { kind: query.kind });
    if (query.from)
      builder.andWhere('purchase.occurred_at >= :from', { from: parseIsoInstant(query.from) });
    if (query.to) builder.andWhere('purchase.occurred_at < :to', { to: parseIsoInstant(query.to) });
    return keysetPage(builder, {
      sortColumn: 'purchase.occurred_at',
      idColumn: 'purchase.id',
      sortValue: (purchase) => purchase.occurredAt,
      rowId: (purchase) => purchase.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** externalIds of the orders that these refunds refund, for responses. */
  async refundedOrderExternalIds(purchases: Purchase[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(
        purchases.map((purchase) => purchase.refundOfId).filter((id): id is string => Boolean(id)),
      ),
    ];
    if (!ids.length) return new Map();
    const orders = await this.dataSource
      .getRepository(Purchase)
      .find({ where: { id: In(ids) }, select: { id: true, externalId: true } });
    return new Map(orders.map((order) => [order.id, order.externalId]));
  }

  private async build(manager: EntityManager, input: CreatePurchaseDto): Promise<Purchase> {
    const member = await requireMember(manager, {
      id: input.memberId,
      externalId: input.memberExternalId,
      email: input.memberEmail,
    });
    const kind = input.kind ?? 'order';
    const occurredAt = parseIsoInstant(input.occurredAt)!;
    let refundOfId: string | null = null;
    let rate: string | undefined;
    if (kind === 'refund') {
      const order = await this.refundedOrder(manager, input, member, occurredAt);
      refundOfId = order.id;
      rate = order.rate;
    } else if (input.refundOf !== undefined) {
      throw fieldError('refundOf', 'is only for refunds', 'refundOfOnOrder');
    }
    const amount = this.converter.read(input.amount, input.currency, 'amount', rate);
    if (kind === 'refund')
      await this.assertWithinOrder(manager, refundOfId!, amount.amountMinor, input.externalId);
    const attribution = input.attribution ?? {};
    if (
      attribution.campaignId &&
      !(await manager.getRepository(Campaign).existsBy({ id: attribution.campaignId }))
    ) {
      throw unknownReference('campaign', 'attribution.campaignId', attribution.campaignId);
    }
    return Object.assign(new Purchase(), {
      id: randomUUID(),
      externalId: input.externalId,
      memberId: member.id,
      kind,
      ...amount,
      occurredAt,
      product: input.product ?? null,
      productCategory: input.productCategory ?? null,
      refundOfId,
      attributionReferralCode: attribution.referralCode?.trim().toUpperCase() ?? null,
      attributionReviewId: attribution.reviewId?.toLowerCase() ?? null,
      attributionMentionId:
        attribution.mentionId?.toLowerCase() ??
        (await mentionIdForUrl(manager, attribution.mentionUrl)),
      attributionMentionUrl: attribution.mentionUrl ?? null,
      attributionEventId: attribution.eventId?.toLowerCase() ?? null,
      attributionCampaignId: attribution.campaignId?.toLowerCase() ?? null,
      createdAt: Date.now(),
    });
  }

  private async refundedOrder(
    manager: EntityManager,
    input: CreatePurchaseDto,
    member: Member,
    occurredAt: number,
  ): Promise<Purchase> {
    if (!input.refundOf)
      throw fieldError('refundOf', "is required for a refund: the order's externalId", 'isDefined');
    const order = await manager
      .getRepository(Purchase)
      .findOneBy({ externalId: input.refundOf, kind: 'order' });
    if (!order) throw unknownReference('order', 'refundOf', input.refundOf);
    if (order.memberId !== member.id)
      throw fieldError('refundOf', "names another member's order", 'otherMember', 'unprocessable');
    if (order.currency !== input.currency) {
      throw fieldError(
        'currency',
        `must be the order's currency (${order.currency})`,
        'currencyMismatch',
        'unprocessable',
      );
    }
    if (occurredAt < order.occurredAt)
      throw fieldError(
        'occurredAt',
        'must not be before the order',
        'beforeOrder',
        'unprocessable',
      );
    // Touch the order row first: on PostgreSQL this locks it, so concurrent refunds cannot both fit.
    await manager.update(Purchase, { id: order.id }, { id: order.id });
    return order;
  }

  private async assertWithinOrder(
    manager: EntityManager,
    orderId: string,
    amountMinor: number,
    externalId: string,
  ): Promise<void> {
    const order = await manager.getRepository(Purchase).findOneByOrFail({ id: orderId });
    const refunded = await manager
      .getRepository(Purchase)
      .createQueryBuilder('refund')
      .select('COALESCE(SUM(refund.amount_minor), 0)', 'total')
      .where('refund.refund_of_id = :orderId AND refund.external_id <> :externalId', {
        orderId,
        externalId,
      })
      .getRawOne<{ total: string | number }>();
    const left = order.amountMinor - Number(refunded?.total ?? 0);
    if (amountMinor > left) {
      throw fieldError(
        'amount',
        `is more than what is left of the order (${left} minor units)`,
        'refundExceedsOrder',
        'unprocessable',
      );
    }
  }

  /** A member's acquiredAt, unless given, is the date of their first order. */
  private async deriveAcquisitionDate(manager: EntityManager, order: Purchase): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Member)
      .set({
        acquiredAt: order.occurredAt,
        acquiredAtSource: 'firstPurchase',
        updatedAt: Date.now(),
      })
      .where('id = :id', { id: order.memberId })
      .andWhere(
        "(acquired_at_source IS NULL OR (acquired_at_source = 'firstPurchase' AND acquired_at > :at))",
        { at: order.occurredAt },
      )
      .execute();
  }
}

function fieldError(
  field: string,
  reason: string,
  code: string,
  kind: 'invalid' | 'unprocessable' = 'invalid',
): DomainError {
  return new DomainError(
    kind,
    kind === 'invalid' ? 'VALIDATION_FAILED' : 'RULE_VIOLATED',
    `${field} ${reason}`,
    [{ field, reason, code }],
  );
}
