import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { Referral } from './referral.entity';
import { RecordRepository } from '../database/record-repository';
import { findAmong, keyBy } from '../database/batch/batch-plan';

const AWAITING_APPROVAL =
  "(referral.flags <> '' AND referral.approved_at IS NULL AND referral.status <> 'rejected')";

/**
 * The queries of referrals. Each method is one query; `manager` is the transaction the
 * service runs, the data source's own manager otherwise.
 */
@Injectable()
export class ReferralsRepository extends RecordRepository<Referral> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, Referral);
  }

  findById(id: string, manager = this.dataSource.manager): Promise<Referral | null> {
    return manager.getRepository(Referral).findOneBy({ id });
  }

  findByExternalId(
    externalId: string,
    manager = this.dataSource.manager,
  ): Promise<Referral | null> {
    return manager.getRepository(Referral).findOneBy({ externalId });
  }

  /** The referral that names this member as referee (a person has at most one). */
  findByRefereeMember(
    memberId: string,
    manager = this.dataSource.manager,
  ): Promise<Referral | null> {
    return manager.getRepository(Referral).findOneBy({ refereeMemberId: memberId });
  }

  /** The referral that waits for a member with this email as referee. */
  findPendingByRefereeEmail(
    emailNormalized: string,
    manager = this.dataSource.manager,
  ): Promise<Referral | null> {
    return manager
      .getRepository(Referral)
      .findOneBy({ refereeMemberId: IsNull(), refereeEmailNormalized: emailNormalized });
  }

  /** The ids among these that some referral names as its referee member. */
  async findRefereeMemberIds(
    memberIds: string[],
    manager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const referrals = await findAmong(
      manager,
      Referral,
      memberIds,
      (chunk) => ({ refereeMemberId: In(chunk) }),
      { select: { refereeMemberId: true } },
    );
    return new Set(referrals.map((referral) => referral.refereeMemberId!));
  }

  /** Pending referrals that wait for a member with one of these emails, by email. */
  async findPendingByRefereeEmails(
    emailsNormalized: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, Referral>> {
    const referrals = await findAmong(manager, Referral, emailsNormalized, (chunk) => ({
      refereeMemberId: IsNull(),
      refereeEmailNormalized: In(chunk),
    }));
    return keyBy(referrals, (referral) => referral.refereeEmailNormalized);
  }

  /** The converted referral that this order converted. */
  findConvertedBy(orderId: string, manager = this.dataSource.manager): Promise<Referral | null> {
    return manager
      .getRepository(Referral)
      .findOneBy({ convertingPurchaseId: orderId, status: 'converted' });
  }

  /** Who referred this member, or null: one step up the referral chain. */
  async findReferrerOf(
    memberId: string,
    manager = this.dataSource.manager,
  ): Promise<string | null> {
    const upward = await manager.getRepository(Referral).findOne({
      where: { refereeMemberId: memberId },
      select: { referrerId: true },
    });
    return upward?.referrerId ?? null;
  }

  /** The referrer's referrals invited after `from` and up to `to` (inclusive). */
  countInvitedBy(
    referrerId: string,
    from: number,
    to: number,
    manager = this.dataSource.manager,
  ): Promise<number> {
    return manager
      .getRepository(Referral)
      .createQueryBuilder('referral')
      .where('referral.referrer_id = :referrerId', { referrerId })
      .andWhere('referral.invited_at > :from AND referral.invited_at <= :to', { from, to })
      .getCount();
  }

  findPage(query: ListReferralsQuery): Promise<Page<Referral>> {
    const builder = this.dataSource.getRepository(Referral).createQueryBuilder('referral');
    if (query.flagged !== undefined)
      builder.andWhere(query.flagged ? "referral.flags <> ''" : "referral.flags = ''");
    if (query.pendingApproval !== undefined)
      builder.andWhere(query.pendingApproval ? AWAITING_APPROVAL : `NOT ${AWAITING_APPROVAL}`);
    if (query.status) builder.andWhere('referral.status = :status', { status: query.status });
    if (query.referrerId)
      builder.andWhere('referral.referrer_id = :referrerId', {
        referrerId: query.referrerId.toLowerCase(),
      });
    if (query.refereeId)
      builder.andWhere('referral.referee_member_id = :refereeId', {
        refereeId: query.refereeId.toLowerCase(),
      });
    return keysetPage(builder, {
      sortColumn: 'referral.invited_at',
      idColumn: 'referral.id',
      sortValue: (referral) => referral.invitedAt,
      rowId: (referral) => referral.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }
}
