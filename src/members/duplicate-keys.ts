/** The comparison keys that find likely duplicate members; pure functions, no database. */

/** Domains that are one mailbox under two names. */
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com' };

export interface EmailKeys {
  /** Lower case, no dots in the local part, no +tag: `a.da+x@gmail.com` → `ada@gmail.com`. */
  mailbox: string;
  /** The canonical local part alone, to tell `ada@work.com` and `ada@gmail.com` apart from strangers. */
  localPart: string;
}

export function emailKeys(email: string | null | undefined): EmailKeys | null {
  if (!email) return null;
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0 || at === lower.length - 1) return null;
  const domain = lower.slice(at + 1);
  const localPart = lower.slice(0, at).split('+')[0].replace(/\./g, '');
  if (!localPart) return null;
  return { mailbox: `${localPart}@${DOMAIN_ALIASES[domain] ?? domain}`, localPart };
}

/** Letters and digits only, accents dropped, lower case, words sorted: "Lovelace, Ádá" → "ada lovelace". */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** A normalised name with at least two words and twelve letters is rare enough to suggest on its own. */
export function isDistinctiveName(normalizedName: string): boolean {
  const words = normalizedName.split(' ').filter(Boolean);
  return words.length >= 2 && words.join('').length >= 12;
}

/**
 * 1 − edit distance / longer length; 0 as soon as the ratio must fall below `atLeast`, so
 * that a blocked comparison of unlike names stops early.
 */
export function levenshteinRatio(left: string, right: string, atLeast = 0): number {
  const longer = Math.max(left.length, right.length);
  if (longer === 0) return 1;
  const allowed = Math.floor((1 - atLeast) * longer + 1e-9);
  if (Math.abs(left.length - right.length) > allowed) return 0;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = previous[column - 1] + (left[row - 1] === right[column - 1] ? 0 : 1);
      current[column] = Math.min(previous[column] + 1, current[column - 1] + 1, substitution);
      best = Math.min(best, current[column]);
    }
    if (best > allowed) return 0;
    previous = current;
  }
  const ratio = 1 - previous[right.length] / longer;
  return ratio >= atLeast ? ratio : 0;
}
