import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/domain-error';
import { MembersErrorCode } from '../members/members-error-code';
import { nonEmpty, personScope } from './person-scope';
import { PrivacyRepository, StoredRow } from './privacy.repository';

/** Each part of an export: the table it reads and which of its rows are the person's. */
const PARTS: { part: string; table: string; where: string; order?: string }[] = [
  { part: 'tags', table: 'member_tags', where: 'member_id IN (:...ids)', order: 'member_id, tag' },
  { part: 'identities', table: 'identities', where: 'member_id IN (:...ids)' },
  { part: 'purchases', table: 'purchases', where: 'member_id IN (:...ids)' },
  { part: 'referralsAsReferrer', table: 'referrals', where: 'referrer_id IN (:...ids)' },
  {
    part: 'referralsAsReferee',
    table: 'referrals',
    where: 'referee_member_id IN (:...ids) OR referee_email_normalized IN (:...emails)',
  },
  {
    part: 'eventAttendance',
    table: 'event_attendance',
    where: 'member_id IN (:...ids) OR email_normalized IN (:...emails)',
  },
  {
    part: 'eventGuestOf',
    table: 'event_guests',
    where: 'guest_member_id IN (:...ids) OR guest_email_normalized IN (:...emails)',
  },
  { part: 'reviews', table: 'reviews', where: 'member_id IN (:...ids)' },
  { part: 'mentions', table: 'mentions', where: 'member_id IN (:...ids)' },
  { part: 'feedback', table: 'feedback', where: 'member_id IN (:...ids)' },
  {
    part: 'valueSnapshots',
    // Every run's rows: a run still writing holds the person's figures too.
    table: 'value_snapshot_rows',
    where: 'member_id IN (:...ids)',
    order: 'as_of_date, id',
  },
  {
    part: 'mergeDismissals',
    table: 'merge_dismissals',
    where: 'member_id IN (:...ids) OR other_member_id IN (:...ids)',
    order: 'created_at, member_id, other_member_id',
  },
  {
    part: 'digestDeliveries',
    table: 'digest_deliveries',
    where: 'LOWER(recipient) IN (:...emails)',
  },
];

export type MemberExport = Record<string, unknown>;

/**
 * Everything Halo holds about a person (GDPR art. 15): their member row and the pointers merged
 * into it, and each table's rows that name them by id or by email, with the columns as stored
 * (camelCased). Value snapshots carry the engagement, tier and predictions computed for them.
 */
@Injectable()
export class MemberExportService {
  constructor(private readonly repository: PrivacyRepository) {}

  async export(memberId: string): Promise<MemberExport> {
    const manager = this.repository.dataSource.manager;
    const scope = await personScope(this.repository, manager, memberId);
    if (!scope) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    const parameters = { ids: scope.ids, emails: nonEmpty(scope.emails) };
    const exported: MemberExport = {
      exportedAt: new Date().toISOString(),
      member: camelCased(scope.members[0]),
      mergedMembers: scope.members.slice(1).map(camelCased),
    };
    for (const { part, table, where, order } of PARTS)
      exported[part] = (await this.repository.rows(manager, table, where, parameters, order)).map(
        camelCased,
      );
    return exported;
  }
}

function camelCased(row: StoredRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}
