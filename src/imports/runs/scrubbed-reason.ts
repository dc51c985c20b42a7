/** Reasons are cut to the column's width. */
const MAX_REASON = 300;
/** Shorter values are left alone: a one-character cell would blank out words of the reason. */
const MIN_SCRUBBED = 2;

/**
 * A refusal's reason with every value of the row taken out: validators and services may quote
 * what they refused ("campaign c-1 not found", an email), and a kept report must hold no
 * personal data. Each string or number of the row, nested ones too, becomes `(value)`,
 * regardless of case (emails are compared normalised).
 */
export function scrubbedReason(reason: string, row: unknown): string {
  let text = reason;
  const values = [...leafValues(row)]
    .filter((value) => value.length >= MIN_SCRUBBED)
    .sort((left, right) => right.length - left.length);
  for (const value of values) text = replaceAll(text, value, '(value)');
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

function* leafValues(value: unknown, depth = 0): Generator<string> {
  if (depth > 8 || value === null || value === undefined) return;
  if (typeof value === 'string') yield value;
  else if (typeof value === 'number' || typeof value === 'bigint') yield String(value);
  else if (value instanceof Date) yield value.toISOString();
  else if (typeof value === 'object')
    for (const item of Object.values(value as object)) yield* leafValues(item, depth + 1);
}

function replaceAll(text: string, value: string, by: string): string {
  const lower = text.toLowerCase();
  const needle = value.toLowerCase();
  let result = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    result += text.slice(from, at) + by;
    from = at + needle.length;
  }
  return result + text.slice(from);
}
