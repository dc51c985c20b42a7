import { EntityManager } from 'typeorm';
import { PrivacyRepository, StoredRow } from './privacy.repository';

/**
 * A list of emails for `IN (:...list)`, which may not be empty: a value no email column can hold
 * (emails are validated) stands in. Not a NUL character, which PostgreSQL refuses in text.
 */
export const nonEmpty = (values: string[]): string[] => (values.length ? values : ['@none']);

/** Who a person is in the database: their member row, the pointers merged into it, their emails. */
export interface PersonScope {
  memberId: string;
  /** The member and every member merged into it (directly or through other pointers). */
  ids: string[];
  members: StoredRow[];
  /** Normalised emails of the member and its pointers. */
  emails: string[];
}

/** The member and its merged pointers, followed until no new pointer appears; null if unknown. */
export async function personScope(
  repository: PrivacyRepository,
  manager: EntityManager,
  memberId: string,
): Promise<PersonScope | null> {
  const [member] = await repository.rows(manager, 'members', 'id = :id', { id: memberId });
  if (!member) return null;
  const members = [member];
  let frontier = [memberId];
  while (frontier.length) {
    const pointers = await repository.rows(manager, 'members', 'merged_into_id IN (:...ids)', {
      ids: frontier,
    });
    const known = new Set(members.map((row) => row.id));
    const fresh = pointers.filter((row) => !known.has(row.id));
    members.push(...fresh);
    frontier = fresh.map((row) => row.id as string);
  }
  const emails = members.flatMap((row) =>
    typeof row.email_normalized === 'string' ? [row.email_normalized] : [],
  );
  return { memberId, ids: members.map((row) => row.id as string), members, emails };
}
