import { DigestFilters } from './digest-content';

/**
 * SQL conditions on a members alias that every named row passes: not merged, no profiling
 * objection, and the subscription's tag. Parameter: :tag.
 */
export function memberScope(alias: string, filters: DigestFilters): string {
  const conditions = [`${alias}.merged_into_id IS NULL`, `${alias}.profiling_objection_at IS NULL`];
  if (filters.tag) conditions.push(hasTag(`${alias}.id`));
  return conditions.join(' AND ');
}

/** The member id column belongs to a member with the subscription's tag. */
export function hasTag(memberIdColumn: string): string {
  return `EXISTS (SELECT 1 FROM member_tags tg WHERE tg.member_id = ${memberIdColumn} AND tg.tag = :tag)`;
}
