import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { Referral } from './referral.entity';

const AWAITING_APPROVAL =
  "(referral.flags <> '' AND referral.approved_at IS NULL AND referral.status <> 'rejected')";

/** Reads of referrals: one by id, and the filtered, cursor-paged list. */
@Injectable()
export class ReferralQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(manager: EntityManager, id: string): Promise<Referral> {
    const referral = await manager.getRepository(Referral).findOneBy({ id });
    if (!referral) throw notFound('referral', 'id', id);
    return referral;
  }

  list(query: ListReferralsQuery): Promise<Page<Referral>> {
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
