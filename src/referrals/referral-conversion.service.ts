import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CurrencyConverter } from '../config/currency-converter.service';
import { isUniqueViolation } from '../database/sql';
import { resolveMember } from '../members/member-reference';
import { MemberMergeService } from '../members/member-merge.service';
import { Member } from '../members/member.entity';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import { Purchase } from '../purchases/purchase.entity';
import { PurchasesRepository } from '../purchases/purchases.repository';
import { PurchasesService } from '../purchases/purchases.service';
import { ReferralChecks } from './referral-checks';
import { formatFlags, isPending } from './referral-state';
import { Referral } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';

/**
 * What happens to referrals by itself: a referee's first order converts their referral (or,
 * carrying another member's code, creates one), a full refund within the window voids it, and
 * a new member with a pending referee's email is linked.
 */
@Injectable()
export class ReferralConversionService implements OnModuleInit {
  constructor(
    private readonly purchases: PurchasesService,
    private readonly members: MembersService,
    private readonly checks: ReferralChecks,
    private readonly converter: CurrencyConverter,
    private readonly merges: MemberMergeService,
    private readonly referrals: ReferralsRepository,
    private readonly memberRows: MembersRepository,
    private readonly purchaseRows: PurchasesRepository,
  ) {}

  onModuleInit(): void {
    this.purchases.onPurchaseRecorded((manager, purchases) => this.onPurchases(manager, purchases));
    this.members.onMemberCreated((manager, members) => this.linkPendingReferees(manager, members));
    // A merge can bring the survivor its first order: a pending referral of theirs converts then.
    this.merges.onMembersMerged(async (manager, survivor) => {
      const referral = await this.referrals.findByRefereeMember(survivor.id, manager);
      if (referral) await this.convertIfBought(manager, referral);
    });
  }

  /** Converts a pending referral whose referee already has a first order on or after the invitation. */
  async convertIfBought(manager: EntityManager, referral: Referral): Promise<void> {
    if (!referral.refereeMemberId || !isPending(referral)) return;
    const first = await this.checks.firstOrder(manager, referral.refereeMemberId);
    if (first && first.occurredAt >= referral.invitedAt)
      await this.convert(manager, referral, first);
    else if (first) await this.cannotConvert(manager, referral);
  }

  /** The referee bought before being invited: the referral stays pending and says why. */
  private async cannotConvert(manager: EntityManager, referral: Referral): Promise<void> {
    if (referral.statusReason === 'firstOrderBeforeInvitation') return;
    referral.statusReason = 'firstOrderBeforeInvitation';
    await this.referrals.update(
      referral.id,
      { statusReason: referral.statusReason, updatedAt: Date.now() },
      manager,
    );
  }

  private async onPurchases(manager: EntityManager, purchases: Purchase[]): Promise<void> {
    const orders = purchases.filter((purchase) => purchase.kind === 'order');
    for (const order of await this.ordersThatMayConvert(manager, orders))
      await this.onOrder(manager, order);
    for (const refund of purchases.filter((purchase) => purchase.kind === 'refund'))
      await this.onRefund(manager, refund);
  }

  /**
   * The orders onOrder may act on: those carrying a code, and those whose buyer is named as a
   * referee (by member, or pending by email). For an import's batch this is three queries
   * instead of four per order; most buyers were referred by nobody.
   */
  private async ordersThatMayConvert(
    manager: EntityManager,
    orders: Purchase[],
  ): Promise<Purchase[]> {
    if (orders.length <= 1) return orders;
    const memberIds = [
      ...new Set(
        orders.filter((order) => !order.attributionReferralCode).map((order) => order.memberId),
      ),
    ];
    const referred = await this.referrals.findRefereeMemberIds(memberIds, manager);
    const buyers = await this.memberRows.findRowsByIds(
      memberIds.filter((id) => !referred.has(id)),
      manager,
    );
    const pending = await this.referrals.findPendingByRefereeEmails(
      buyers.flatMap((buyer) => (buyer.emailNormalized ? [buyer.emailNormalized] : [])),
      manager,
    );
    for (const buyer of buyers)
      if (buyer.emailNormalized && pending.has(buyer.emailNormalized)) referred.add(buyer.id);
    return orders.filter((order) => order.attributionReferralCode || referred.has(order.memberId));
  }

  private async onOrder(manager: EntityManager, order: Purchase): Promise<void> {
    const first = await this.checks.firstOrder(manager, order.memberId);
    if (first?.id !== order.id) return;
    const buyer = (await this.memberRows.findRowById(order.memberId, manager))!;
    const referral = await this.checks.referralOf(manager, {
      member: buyer,
      emailNormalized: buyer.emailNormalized,
    });
    if (referral) {
      // A person has one referrer: with one, any code on the order is attribution only.
      if (isPending(referral) && order.occurredAt >= referral.invitedAt) {
        if (!referral.refereeMemberId) await this.link(manager, referral, buyer, order.occurredAt);
        await this.convert(manager, referral, order);
      } else if (isPending(referral) && referral.refereeMemberId === buyer.id) {
        await this.cannotConvert(manager, referral);
      }
      return;
    }
    if (order.attributionReferralCode) await this.createFromCode(manager, order, buyer);
  }

  private async createFromCode(
    manager: EntityManager,
    order: Purchase,
    buyer: Member,
  ): Promise<void> {
    const owner = await this.memberRows.findByReferralCode(order.attributionReferralCode!, manager);
    const referrer = owner?.mergedIntoId ? await resolveMember(manager, { id: owner.id }) : owner;
    // A self-code or a code that would close a cycle stays attribution only, as does an unknown code.
    if (!referrer || referrer.id === buyer.id) return;
    if (await this.checks.wouldCycle(manager, referrer.id, buyer.id)) return;
    const now = Date.now();
    const flags = await this.checks.flagsFor(manager, referrer, buyer.email, order.occurredAt);
    const referral = Object.assign(new Referral(), {
      id: newRecordId(),
      externalId: null,
      referrerId: referrer.id,
      refereeMemberId: buyer.id,
      refereeEmail: buyer.email,
      refereeEmailNormalized: buyer.emailNormalized,
      code: order.attributionReferralCode!,
      channel: 'code',
      status: 'converted' as const,
      statusReason: null,
      rewardMinor: 0,
      rewardCurrency: this.converter.baseCurrency,
      baseRewardMinor: 0,
      rewardRate: '1',
      invitedAt: order.occurredAt,
      signedUpAt: null,
      convertedAt: order.occurredAt,
      convertingPurchaseId: order.id,
      voidedAt: null,
      approvedAt: null,
      rejectedAt: null,
      flags: formatFlags(flags),
      createdAt: now,
      updatedAt: now,
    });
    try {
      // A savepoint: losing a race for the referee leaves the order stored, the code as attribution.
      await this.referrals.transaction(
        (savepoint) => this.referrals.insert(referral, savepoint),
        manager,
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  private async convert(
    manager: EntityManager,
    referral: Referral,
    order: Purchase,
  ): Promise<void> {
    Object.assign(referral, {
      status: 'converted',
      convertedAt: order.occurredAt,
      convertingPurchaseId: order.id,
      updatedAt: Date.now(),
    });
    await this.referrals.update(
      referral.id,
      {
        status: referral.status,
        convertedAt: referral.convertedAt,
        convertingPurchaseId: referral.convertingPurchaseId,
        updatedAt: referral.updatedAt,
      },
      manager,
    );
    await this.voidIfRefunded(manager, referral, order);
  }

  private async onRefund(manager: EntityManager, refund: Purchase): Promise<void> {
    if (!refund.refundOfId) return;
    const referral = await this.referrals.findConvertedBy(refund.refundOfId, manager);
    if (!referral) return;
    const order = (await this.purchaseRows.findById(refund.refundOfId, manager))!;
    await this.voidIfRefunded(manager, referral, order);
  }

  private async voidIfRefunded(
    manager: EntityManager,
    referral: Referral,
    order: Purchase,
  ): Promise<void> {
    const refundedAt = await this.checks.fullRefundDate(manager, order);
    if (refundedAt === null) return;
    Object.assign(referral, { status: 'voided', voidedAt: refundedAt, updatedAt: Date.now() });
    await this.referrals.update(
      referral.id,
      { status: 'voided', voidedAt: refundedAt, updatedAt: referral.updatedAt },
      manager,
    );
  }

  private async linkPendingReferees(manager: EntityManager, members: Member[]): Promise<void> {
    const emails = members.flatMap((member) =>
      member.emailNormalized ? [member.emailNormalized] : [],
    );
    if (!emails.length) return;
    const pending = await this.referrals.findPendingByRefereeEmails(emails, manager);
    for (const member of members) {
      const referral = member.emailNormalized ? pending.get(member.emailNormalized) : undefined;
      if (referral && referral.referrerId !== member.id)
        await this.link(manager, referral, member, member.createdAt);
    }
  }

  private async link(
    manager: EntityManager,
    referral: Referral,
    member: Member,
    at: number,
  ): Promise<void> {
    const signedUp = referral.status === 'invited';
    Object.assign(referral, {
      refereeMemberId: member.id,
      status: signedUp ? 'signed_up' : referral.status,
      signedUpAt: signedUp ? Math.max(at, referral.invitedAt) : referral.signedUpAt,
      updatedAt: Date.now(),
    });
    await this.referrals.update(
      referral.id,
      {
        refereeMemberId: member.id,
        status: referral.status,
        signedUpAt: referral.signedUpAt,
        updatedAt: referral.updatedAt,
      },
      manager,
    );
  }
}
