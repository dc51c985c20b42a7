import { AuditedResult } from '../common/http/audit-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IMPORT_COUNTS = ['rows', 'created', 'updated', 'unchanged', 'refused'] as const;
/** Fields of an answer naming the member a record belongs to. */
const MEMBER_FIELDS = ['memberId', 'referrerId', 'refereeId'] as const;
const WORD = /^[a-z][a-zA-Z]{0,39}$/;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

type Answer = Record<string, unknown>;
const asObject = (value: unknown): Answer | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Answer) : null;

/**
 * What the audit keeps of a handler's answer: the ids of the record it created or changed (its
 * `id`, a merge's `member.id`) and of the members it belongs to (`memberId`: a purchase, a review,
 * an erasure; a referral's `referrerId` and `refereeId`), so that a member's history lists what was done to their records; and an import's
 * counts with its record type. Nothing else of the answer is read: never a field that could hold
 * personal data.
 */
export function auditedResult(answer: unknown): AuditedResult {
  const body = asObject(answer);
  if (!body) return { recordIds: [], details: null };
  const recordIds = [
    body.id,
    asObject(body.member)?.id,
    ...MEMBER_FIELDS.map((field) => body[field]),
  ].filter(isUuid);
  const counted = IMPORT_COUNTS.every((name) => Number.isInteger(body[name]));
  const details: Record<string, string | number> | null = counted
    ? Object.fromEntries(IMPORT_COUNTS.map((name) => [name, body[name] as number]))
    : null;
  if (details && typeof body.type === 'string' && WORD.test(body.type)) details.type = body.type;
  return { recordIds: recordIds.map((id) => id.toLowerCase()), details };
}
