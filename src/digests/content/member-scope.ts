import { DigestFilters } from './digest-content';

/**
 * SQL conditions on a members alias that every named row passes: not merged, no profiling
 * objection, and the subscription's filters. Parameters: :tag, :platform.
 */
export function memberScope(alias: string, filters: DigestFilters): string {
  const conditions = [`${alias}.merged_into_id IS NULL`, `${alias}.profiling_objection_at IS NULL`];
  if (filters.tag) conditions.push(hasTag(`${alias}.id`));
  if (filters.platform) {
    conditions.push(
      `(EXISTS (SELECT 1 FROM identities i WHERE i.member_id = ${alias}.id AND i.platform = :platform)` +
        ` OR EXISTS (SELECT 1 FROM mentions mp WHERE mp.member_id = ${alias}.id AND mp.platform = :platform)` +
        ` OR EXISTS (SELECT 1 FROM reviews rp WHERE rp.member_id = ${alias}.id AND rp.platform = :platform))`,
    );
  }
  return conditions.join(' AND ');
}

/** The member id column belongs to a member with the subscription's tag. */
export function hasTag(memberIdColumn: string): string {
  return `EXISTS (SELECT 1 FROM member_tags tg WHERE tg.member_id = ${memberIdColumn} AND tg.tag = :tag)`;
}

/** Only the tag filter, for aggregates over a member id column that may be null. */
export function tagScope(memberIdColumn: string, filters: DigestFilters): string {
  return filters.tag ? hasTag(memberIdColumn) : '1 = 1';
}

/** Community activity of the member in [:from, :to): content, events, feedback, referrals. */
export function activityBetween(memberIdColumn: string, from: string, to: string): string {
  const within = (column: string) => `${column} >= :${from} AND ${column} < :${to}`;
  return `(EXISTS (SELECT 1 FROM reviews ar WHERE ar.member_id = ${memberIdColumn} AND ${within('ar.published_at')})
    OR EXISTS (SELECT 1 FROM mentions am WHERE am.member_id = ${memberIdColumn} AND ${within('am.posted_at')})
    OR EXISTS (SELECT 1 FROM event_attendance aa WHERE aa.member_id = ${memberIdColumn} AND aa.status = 'attended' AND ${within('COALESCE(aa.attended_at, aa.registered_at)')})
    OR EXISTS (SELECT 1 FROM feedback af WHERE af.member_id = ${memberIdColumn} AND ${within('af.submitted_at')})
    OR EXISTS (SELECT 1 FROM referrals arf WHERE arf.referrer_id = ${memberIdColumn} AND ${within('arf.invited_at')}))`;
}
