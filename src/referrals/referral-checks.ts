import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DAY_MS, toIso } from '../common/dates/iso-date';
import { DomainError, conflict } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { Member } from '../members/member.entity';
import { Purchase } from '../purchases/purchase.entity';
import { PurchasesRepository } from '../purchases/purchases.repository';
import { referralFlags } from './referral-flags';
import { Referral, ReferralFlag } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsErrorCode } from './referrals-error-code';

const HOUR_MS = 3_600_000;

/** The person being referred: a member, or an email that is not a member yet. */
export interface Referee {
  member: Member | null;
  email: string | null;
  emailNormalized: string | null;
  /** The field the client named the referee by, for error details. */
  field: string;
}

/** The referral rules that need the database: who may refer whom, and what looks suspicious. */
@Injectable()
export class ReferralChecks {
  constructor(
    private readonly settings: HaloSettings,
    private readonly referrals: ReferralsRepository,
    private readonly purchases: PurchasesRepository,
  ) {}

  /** Refuses self-referral, a second referrer, a cycle and a referee who already bought. */
  async assertAllowed(
    manager: EntityManager,
    referrer: Member,
    referee: Referee,
    invitedAt: number,
  ): Promise<void> {
    if (
      referee.member?.id === referrer.id ||
      (referee.emailNormalized !== null && referee.emailNormalized === referrer.emailNormalized)
    ) {
      throw rule(
        ReferralsErrorCode.SELF_REFERRAL,
        referee.field,
        'names the referrer: nobody can refer themselves',
      );
    }
    const existing = await this.referralOf(manager, referee);
    if (existing) {
      throw conflict(
        ReferralsErrorCode.REFEREE_ALREADY_REFERRED,
        `this person already has a referrer (referral ${existing.id})`,
        referee.field,
      );
    }
    if (!referee.member) return;
    if (await this.wouldCycle(manager, referrer.id, referee.member.id)) {
      throw rule(
        ReferralsErrorCode.REFERRAL_CYCLE,
        referee.field,
        'referred the referrer (directly or through others): the referral would make a cycle',
      );
    }
    const earlier = await this.firstOrder(manager, referee.member.id);
    if (earlier && earlier.occurredAt < invitedAt) {
      throw rule(
        ReferralsErrorCode.REFEREE_ALREADY_CUSTOMER,
        referee.field,
        `was already a customer before the referral (first order ${toIso(earlier.occurredAt)})`,
      );
    }
  }

  /** The referral that names this person as referee, by member or (while pending) by email. */
  async referralOf(
    manager: EntityManager,
    referee: Pick<Referee, 'member' | 'emailNormalized'>,
  ): Promise<Referral | null> {
    if (referee.member) {
      const byMember = await this.referrals.findByRefereeMember(referee.member.id, manager);
      if (byMember) return byMember;
    }
    if (!referee.emailNormalized) return null;
    return this.referrals.findPendingByRefereeEmail(referee.emailNormalized, manager);
  }

  /** True when the referee is the referrer's referrer, or further up the referrer's chain. */
  async wouldCycle(
    manager: EntityManager,
    referrerId: string,
    refereeId: string,
  ): Promise<boolean> {
    const seen = new Set<string>();
    let current = referrerId;
    while (!seen.has(current)) {
      if (current === refereeId) return true;
      seen.add(current);
      const upward = await this.referrals.findReferrerOf(current, manager);
      if (!upward) return false;
      current = upward;
    }
    return true;
  }

  /** The member's earliest order. */
  firstOrder(manager: EntityManager, memberId: string): Promise<Purchase | null> {
    return this.purchases.findFirstOrderOf(memberId, manager);
  }

  async flagsFor(
    manager: EntityManager,
    referrer: Member,
    refereeEmail: string | null,
    invitedAt: number,
  ): Promise<ReferralFlag[]> {
    const { burstWindowHours, burstThreshold, disposableDomains } = this.settings.referrals;
    const earlierInWindow = await this.referrals.countInvitedBy(
      referrer.id,
      invitedAt - burstWindowHours * HOUR_MS,
      invitedAt,
      manager,
    );
    return referralFlags({
      referrerEmail: referrer.email,
      refereeEmail,
      disposableDomains,
      referralsInWindow: earlierInWindow + 1,
      burstThreshold,
    });
  }

  /** A conversion is voided when refunds bring its order to zero within refundVoidDays. */
  async fullRefundDate(manager: EntityManager, order: Purchase): Promise<number | null> {
    const refunds = await this.purchases.sumRefundsOf(order.id, null, manager);
    if (refunds.count === 0 || refunds.totalMinor < order.amountMinor) return null;
    const last = refunds.lastAt!;
    const windowEnd = order.occurredAt + this.settings.referrals.refundVoidDays * DAY_MS;
    return last <= windowEnd ? last : null;
  }
}

function rule(code: ReferralsErrorCode, field: string, reason: string): DomainError {
  return new DomainError('unprocessable', code, `${field} ${reason}`, [{ field, reason, code }]);
}
