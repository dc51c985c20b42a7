import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { CurrencyConverter } from '../config/currency-converter.service';
import { isUniqueViolation } from '../database/sql';
import { resolveMember } from '../members/member-reference';
import { MemberMergeService } from '../members/member-merge.service';
import { Member } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { Purchase } from '../purchases/purchase.entity';
import { PurchasesService } from '../purchases/purchases.service';
import { ReferralChecks } from './referral-checks';
import { formatFlags, isPending } from './referral-state';
import { Referral } from './referral.entity';

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
  ) {}

  onModuleInit(): void {
    this.purchases.onPurchaseRecorded((manager, purchase) =>
      purchase.kind === 'order'
        ? this.onOrder(manager, purchase)
        : this.onRefund(manager, purchase),
    );
    this.members.onMemberCreated((manager, member) => this.linkPendingReferee(manager, member));
    // A merge can bring the survivor its first order: a pending referral of theirs converts then.
    this.merges.onMembersMerged(async (manager, survivor) => {
      const referral = await manager
        .getRepository(Referral)
        .findOneBy({ refereeMemberId: survivor.id });
      if (referral) await this.convertIfBought(manager, referral);
    });
  }

  /** Converts a pending referral whose referee already has a first order on or after the invitation. */
  async convertIfBought(manager: EntityManager, referral: Referral): Promise<void> {
    if (!referral.refereeMemberId || !isPending(referral)) return;
    const first = await this.checks.firstOrder(manager, referral.refereeMemberId);
    if (first && first.occurredAt >= referral.invitedAt)
      await this.convert(manager, referral, first);
  }

  private async onOrder(manager: EntityManager, order: Purchase): Promise<void> {
    const first = await this.checks.firstOrder(manager, order.memberId);
    if (first?.id !== order.id) return;
    const buyer = await manager.getRepository(Member).findOneByOrFail({ id: order.memberId });
    const referral = await this.checks.referralOf(manager, {
      member: buyer,
      emailNormalized: buyer.emailNormalized,
    });
    if (referral) {
      // A person has one referrer: with one, any code on the order is attribution only.
      if (isPending(referral) && order.occurredAt >= referral.invitedAt) {
        if (!referral.refereeMemberId) await this.link(manager, referral, buyer, order.occurredAt);
        await this.convert(manager, referral, order);
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
    const owner = await manager
      .getRepository(Member)
      .findOneBy({ referralCode: order.attributionReferralCode! });
    const referrer = owner?.mergedIntoId ? await resolveMember(manager, { id: owner.id }) : owner;
    // A self-code or a code that would close a cycle stays attribution only, as does an unknown code.
    if (!referrer || referrer.id === buyer.id) return;
    if (await this.checks.wouldCycle(manager, referrer.id, buyer.id)) return;
    const now = Date.now();
    const flags = await this.checks.flagsFor(manager, referrer, buyer.email, order.occurredAt);
    const referral = Object.assign(new Referral(), {
      id: randomUUID(),
      externalId: null,
      referrerId: referrer.id,
      refereeMemberId: buyer.id,
      refereeEmail: buyer.email,
      refereeEmailNormalized: buyer.emailNormalized,
      code: order.attributionReferralCode!,
      channel: 'code',
      status: 'converted' as const,
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
      await manager.transaction((savepoint) => savepoint.insert(Referral, referral));
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
    await manager.update(
      Referral,
      { id: referral.id },
      {
        status: referral.status,
        convertedAt: referral.convertedAt,
        convertingPurchaseId: referral.convertingPurchaseId,
        updatedAt: referral.updatedAt,
      },
    );
    await this.voidIfRefunded(manager, referral, order);
  }

  private async onRefund(manager: EntityManager, refund: Purchase): Promise<void> {
    if (!refund.refundOfId) return;
    const referral = await manager
      .getRepository(Referral)
      .findOneBy({ convertingPurchaseId: refund.refundOfId, status: 'converted' });
    if (!referral) return;
    const order = await manager.getRepository(Purchase).findOneByOrFail({ id: refund.refundOfId });
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
    await manager.update(
      Referral,
      { id: referral.id },
      { status: 'voided', voidedAt: refundedAt, updatedAt: referral.updatedAt },
    );
  }

  private async linkPendingReferee(manager: EntityManager, member: Member): Promise<void> {
    if (!member.emailNormalized) return;
    const referral = await manager.getRepository(Referral).findOneBy({
      refereeMemberId: IsNull(),
      refereeEmailNormalized: member.emailNormalized,
    });
    if (referral && referral.referrerId !== member.id)
      await this.link(manager, referral, member, member.createdAt);
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
    await manager.update(
      Referral,
      { id: referral.id },
      {
        refereeMemberId: member.id,
        status: referral.status,
        signedUpAt: referral.signedUpAt,
        updatedAt: referral.updatedAt,
      },
    );
  }
}
