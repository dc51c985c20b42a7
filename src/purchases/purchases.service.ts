import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { DomainError, conflict, notFound, unknownReference } from '../common/errors/domain-error';
import { CurrencyConverter } from '../config/currency-converter.service';
import { Page } from '../common/pagination/cursor';
import { BatchPlan } from '../database/batch/batch-plan';
import { insertUnlessRaced } from '../database/insert-unless-raced';
import { MemberDirectory } from '../members/member-directory';
import { MemberReference, requireMember } from '../members/member-reference';
import { PurchasesBatchPlan } from './purchases-batch';
import { sameContent } from './purchase-content';
import { Member } from '../members/member.entity';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { ListPurchasesQuery } from './dto/list-purchases.query';
import { MentionUrlResolver } from './mention-url-resolver';
import { Purchase } from './purchase.entity';
import { PurchasesRepository } from './purchases.repository';
import { CampaignsErrorCode } from '../campaigns/campaigns-error-code';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { PurchasesErrorCode } from './purchases-error-code';

export type PurchaseOutcome = 'created' | 'unchanged';

/**
 * Runs in the transaction that stores new purchases (e.g. referral conversion): one for a
 * single request, a batch's new orders for an import.
 */
export type PurchaseListener = (manager: EntityManager, purchases: Purchase[]) => Promise<void>;

/** What building a purchase looks up: the database for one request, a batch's maps for an import. */
export interface PurchaseLookups {
  member(reference: MemberReference): Promise<Member>;
  campaignExists(campaignId: string): Promise<boolean>;
  mentionIdForUrl(url: string | undefined): Promise<string | null>;
}

@Injectable()
export class PurchasesService {
  private readonly listeners: PurchaseListener[] = [];
  private mentionsForUrls: MentionUrlResolver = async () => new Map();

  constructor(
    private readonly purchases: PurchasesRepository,
    private readonly converter: CurrencyConverter,
  ) {}

  get baseCurrency(): string {
    return this.converter.baseCurrency;
  }

  onPurchaseRecorded(listener: PurchaseListener): void {
    this.listeners.push(listener);
  }

  /** Mentions register how attribution.mentionUrl finds its mention (none without them). */
  resolveMentionUrlsWith(resolver: MentionUrlResolver): void {
    this.mentionsForUrls = resolver;
  }

  async record(
    input: CreatePurchaseDto,
    manager?: EntityManager,
  ): Promise<{ purchase: Purchase; outcome: PurchaseOutcome }> {
    if (!manager)
      return this.purchases.transaction((transaction) => this.record(input, transaction));
    const candidate = await this.build(manager, input, this.databaseLookups(manager));
    let existing = await this.purchases.findByExternalId(input.externalId, manager);
    if (!existing) {
      const stored = await insertUnlessRaced(manager, (savepoint) =>
        this.purchases.insert(candidate, savepoint),
      );
      // A concurrent request stored the same externalId first: answer as if it had been found.
      if (stored === 'raced')
        existing = await this.purchases.findByExternalId(input.externalId, manager);
      if (stored === 'raced' && !existing)
        throw conflict(
          PurchasesErrorCode.PURCHASE_EXISTS,
          'a purchase with this externalId already exists',
          'externalId',
        );
    }
    if (existing) {
      if (sameContent(existing, candidate)) return { purchase: existing, outcome: 'unchanged' };
      throw conflict(
        PurchasesErrorCode.PURCHASE_EXISTS,
        'a purchase with this externalId exists with other content',
        'externalId',
      );
    }
    // A member's acquiredAt, unless given, is the date of their first order.
    if (candidate.kind === 'order')
      await this.purchases.setAcquiredAtFromOrders([candidate], manager);
    await this.tellListeners(manager, [candidate]);
    return { purchase: candidate, outcome: 'created' };
  }

  /**
   * The set-based import of a batch of orders: members, existing externalIds, campaigns and
   * mention urls looked up at once; rows decided in memory by the rules of `record`.
   */
  async planBatch(
    manager: EntityManager,
    rows: CreatePurchaseDto[],
  ): Promise<BatchPlan<CreatePurchaseDto>> {
    const members = await MemberDirectory.load(manager, rows.map(memberReferenceOf));
    const existing = await this.purchases.findByExternalIds(
      rows.map((row) => row.externalId),
      manager,
    );
    const campaigns = await this.purchases.existingCampaignIds(
      rows.flatMap((row) => (row.attribution?.campaignId ? [row.attribution.campaignId] : [])),
      manager,
    );
    const mentionIds = await this.mentionsForUrls(
      manager,
      rows.flatMap((row) => (row.attribution?.mentionUrl ? [row.attribution.mentionUrl] : [])),
    );
    const lookups: PurchaseLookups = {
      member: (reference) => Promise.resolve(members.find(reference)),
      campaignExists: (campaignId) => Promise.resolve(campaigns.has(campaignId)),
      mentionIdForUrl: (url) => Promise.resolve((url && mentionIds.get(url)) ?? null),
    };
    return new PurchasesBatchPlan(
      existing,
      (row) => this.build(manager, row, lookups),
      (transaction, orders) => this.insertOrders(transaction, orders),
    );
  }

  /** Inserts a batch's new orders, dates first orders as acquisitions, tells the listeners. */
  private async insertOrders(manager: EntityManager, orders: Purchase[]): Promise<void> {
    await this.purchases.insertMany(orders, manager);
    // Each member's earliest order of the batch; the statement keeps given and earlier dates.
    const firstAt = new Map<string, number>();
    for (const order of orders)
      firstAt.set(
        order.memberId,
        Math.min(order.occurredAt, firstAt.get(order.memberId) ?? Infinity),
      );
    await this.purchases.setAcquiredAtFromOrders(
      [...firstAt].map(([memberId, occurredAt]) => ({ memberId, occurredAt })),
      manager,
    );
    await this.tellListeners(manager, orders);
  }

  private async tellListeners(manager: EntityManager, purchases: Purchase[]): Promise<void> {
    for (const listener of this.listeners) await listener(manager, purchases);
  }

  private databaseLookups(manager: EntityManager): PurchaseLookups {
    return {
      member: (reference) => requireMember(manager, reference),
      campaignExists: (campaignId) => this.purchases.campaignExists(campaignId, manager),
      mentionIdForUrl: async (url) =>
        url ? ((await this.mentionsForUrls(manager, [url])).get(url) ?? null) : null,
    };
  }

  async get(id: string): Promise<Purchase> {
    const purchase = await this.purchases.findById(id);
    if (!purchase) throw notFound(PurchasesErrorCode.PURCHASE_NOT_FOUND, 'id', id);
    return purchase;
  }

  list(query: ListPurchasesQuery): Promise<Page<Purchase>> {
    return this.purchases.findPage(query);
  }

  /** externalIds of the orders that these refunds refund, for responses. */
  refundedOrderExternalIds(purchases: Purchase[]): Promise<Map<string, string>> {
    const ids = purchases
      .map((purchase) => purchase.refundOfId)
      .filter((id): id is string => Boolean(id));
    return this.purchases.findExternalIdsOf([...new Set(ids)]);
  }

  private async build(
    manager: EntityManager,
    input: CreatePurchaseDto,
    lookups: PurchaseLookups,
  ): Promise<Purchase> {
    const member = await lookups.member(memberReferenceOf(input));
    // refundOf alone says what the purchase is: a refund of that order.
    const kind = input.kind ?? (input.refundOf !== undefined ? 'refund' : 'order');
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
    if (attribution.campaignId && !(await lookups.campaignExists(attribution.campaignId))) {
      throw unknownReference(
        CampaignsErrorCode.UNKNOWN_CAMPAIGN,
        'attribution.campaignId',
        attribution.campaignId,
      );
    }
    return Object.assign(new Purchase(), {
      id: newRecordId(),
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
        (await lookups.mentionIdForUrl(attribution.mentionUrl)),
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
    const order = await this.purchases.findOrderByExternalId(input.refundOf, manager);
    if (!order)
      throw unknownReference(PurchasesErrorCode.UNKNOWN_ORDER, 'refundOf', input.refundOf);
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
    await this.purchases.lockOrder(order.id, manager);
    return order;
  }

  private async assertWithinOrder(
    manager: EntityManager,
    orderId: string,
    amountMinor: number,
    externalId: string,
  ): Promise<void> {
    const order = (await this.purchases.findById(orderId, manager))!;
    const refunded = await this.purchases.sumRefundsOf(orderId, externalId, manager);
    const left = order.amountMinor - refunded.totalMinor;
    if (amountMinor > left) {
      throw fieldError(
        'amount',
        `is more than what is left of the order (${left} minor units)`,
        'refundExceedsOrder',
        'unprocessable',
      );
    }
  }
}

function memberReferenceOf(input: CreatePurchaseDto): MemberReference {
  return { id: input.memberId, externalId: input.memberExternalId, email: input.memberEmail };
}

function fieldError(
  field: string,
  reason: string,
  code: string,
  kind: 'invalid' | 'unprocessable' = 'invalid',
): DomainError {
  return new DomainError(
    kind,
    kind === 'invalid' ? CommonErrorCode.VALIDATION_FAILED : CommonErrorCode.RULE_VIOLATED,
    `${field} ${reason}`,
    [{ field, reason, code }],
  );
}
