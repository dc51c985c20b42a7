import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DAY_MS, toIso } from '../common/dates/iso-date';
import { DomainError, conflict } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { Member } from '../members/member.entity';
import { Purchase } from '../purchases/purchase.entity';
import { referralFlags } from './referral-flags';
import { Referral, ReferralFlag } from './referral.entity';

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
  constructor(private readonly settings: HaloSettings) {}

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
      throw rule('SELF_REFERRAL', referee.field, 'names the referrer: nobody can refer themselves');
    }
    const existing = await this.referralOf(manager, referee);
    if (existing) {
      throw conflict(
        'REFEREE_ALREADY_REFERRED',
        `this person already has a referrer (referral ${existing.id})`,
        referee.field,
      );
    }
    if (!referee.member) return;
    if (await this.wouldCycle(manager, referrer.id, referee.member.id)) {
      throw rule(
        'REFERRAL_CYCLE',
        referee.field,
        'referred the referrer (directly or through others): the referral would make a cycle',
      );
    }
    const earlier = await this.firstOrder(manager, referee.member.id);
    if (earlier && earlier.occurredAt < invitedAt) {
      throw rule(
        'REFEREE_ALREADY_CUSTOMER',
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
    const repository = manager.getRepository(Referral);
    if (referee.member) {
      const byMember = await repository.findOneBy({ refereeMemberId: referee.member.id });
      if (byMember) return byMember;
    }
    if (!referee.emailNormalized) return null;
    return repository
      .createQueryBuilder('referral')
      .where('referral.referee_member_id IS NULL')
      .andWhere('referral.referee_email_normalized = :email', { email: referee.emailNormalized })
      .getOne();
  }

  /** True when the referee is the referrer's referrer, or further up the referrer's chain. */
  async wouldCycle(
    manager: EntityManager,
    referrerId: string,
    refereeId: string,
  ): Promise<boolean> {
    const repository = manager.getRepository(Referral);
    const seen = new Set<string>();
    let current = referrerId;
    while (!seen.has(current)) {
      if (current === refereeId) return true;
      seen.add(current);
      const upward = await repository.findOne({
        where: { refereeMemberId: current },
        select: { referrerId: true },
      });
      if (!upward) return false;
      current = upward.referrerId;
    }
    return true;
  }

  /** The member's earliest order. */
  firstOrder(manager: EntityManager, memberId: string): Promise<Purchase | null> {
    return manager.getRepository(Purchase).findOne({
      where: { memberId, kind: 'order' },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  async flagsFor(
    manager: EntityManager,
    referrer: Member,
    refereeEmail: string | null,
    invitedAt: number,
  ): Promise<ReferralFlag[]> {
    const { burstWindowHours, burstThreshold, disposableDomains } = this.settings.referrals;
    const earlierInWindow = await manager
      .getRepository(Referral)
      .createQueryBuilder('referral')
      .where('referral.referrer_id = :referrerId', { referrerId: referrer.id })
      .andWhere('referral.invited_at > :from AND referral.invited_at <= :to', {
        from: invitedAt - burstWindowHours * HOUR_MS,
        to: invitedAt,
      })
      .getCount();
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
    const refunds = await manager
      .getRepository(Purchase)
      .createQueryBuilder('refund')
      .select('COALESCE(SUM(refund.amount_minor), 0)', 'total')
      .addSelect('MAX(refund.occurred_at)', 'last')
      .addSelect('COUNT(*)', 'count')
      .where('refund.refund_of_id = :orderId', { orderId: order.id })
      .getRawOne<{
        total: string | number;
        last: string | number | null;
        count: string | number;
      }>();
    if (!refunds || Number(refunds.count) === 0 || Number(refunds.total) < order.amountMinor)
      return null;
    const last = Number(refunds.last);
    const windowEnd = order.occurredAt + this.settings.referrals.refundVoidDays * DAY_MS;
    return last <= windowEnd ? last : null;
  }
}

function rule(code: string, field: string, reason: string): DomainError {
  return new DomainError('unprocessable', code, `${field} ${reason}`, [{ field, reason, code }]);
}
