/** Members by id in [from, to): a recompute chunk; a null end is open, both null is everyone. */
export interface MemberRange {
  from: string | null;
  to: string | null;
}

export interface MemberScope {
  bounded: boolean;
  /** The condition that `column` (a member id) lies in the range; `TRUE`-like when unbounded. */
  inRange: (column: string) => string;
  parameters: Record<string, string>;
}

/** SQL for a member range, with named parameters that no loader query uses for anything else. */
export function memberScope(range: MemberRange): MemberScope {
  const parameters: Record<string, string> = {};
  if (range.from !== null) parameters.rangeFrom = range.from;
  if (range.to !== null) parameters.rangeTo = range.to;
  const inRange = (column: string) => {
    const conditions: string[] = [];
    if (range.from !== null) conditions.push(`${column} >= :rangeFrom`);
    if (range.to !== null) conditions.push(`${column} < :rangeTo`);
    return conditions.length ? `(${conditions.join(' AND ')})` : '(1 = 1)';
  };
  return { bounded: range.from !== null || range.to !== null, inRange, parameters };
}
