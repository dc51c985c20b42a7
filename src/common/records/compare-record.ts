/**
 * How a field takes part when a record arrives again under the same idempotency key
 * (docs/api-semantics.md, Idempotency):
 * - `fixed`: another value is a conflict;
 * - `fillable`: fills an empty (null) stored value; another value is a conflict;
 * - `mutable`: a counter or status; another value is an update.
 * A field the candidate leaves undefined was not sent and takes no part.
 */
export type FieldRule = 'fixed' | 'fillable' | 'mutable';

export type Comparison<T> =
  | { outcome: 'unchanged' | 'updated'; changes: Partial<T> }
  | { outcome: 'conflict'; field: keyof T & string };

export function compareRecord<T extends object>(
  stored: T,
  candidate: Partial<T>,
  rules: Partial<Record<keyof T & string, FieldRule>>,
): Comparison<T> {
  const changes: Partial<T> = {};
  for (const [field, rule] of Object.entries(rules) as [keyof T & string, FieldRule][]) {
    const value = candidate[field];
    if (value === undefined || value === stored[field]) continue;
    if (rule === 'mutable' || (rule === 'fillable' && stored[field] === null)) {
      changes[field] = value;
    } else {
      return { outcome: 'conflict', field };
    }
  }
  return { outcome: Object.keys(changes).length ? 'updated' : 'unchanged', changes };
}
