import { ReferralFlag } from './referral.entity';

/** Levenshtein edit distance (insertions, deletions, substitutions). */
export function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = previous[column - 1] + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min(previous[column] + 1, current[column - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}

function splitEmail(email: string): { local: string; domain: string } {
  const at = email.lastIndexOf('@');
  return { local: email.slice(0, at).toLowerCase(), domain: email.slice(at + 1).toLowerCase() };
}

/** The local part without a +tag and without dots: `a.da+1` → `ada`. */
export function canonicalLocalPart(local: string): string {
  return local.split('+')[0].replace(/\./g, '');
}

/**
 * Two different emails of probably one person, at the same domain: the same local part once
 * +tags and dots are gone; or one local part with at most two characters added at its end
 * (ada, ada12); or a few edits apart, as many as the shorter part's length allows (one from 4
 * characters, two from 6), so that two unrelated short names at one domain (ada@ and dan@) are
 * not look-alikes.
 */
export function areSimilarEmails(first: string, second: string): boolean {
  const left = splitEmail(first);
  const right = splitEmail(second);
  if (left.domain !== right.domain) return false;
  const [shorter, longer] = [canonicalLocalPart(left.local), canonicalLocalPart(right.local)].sort(
    (a, b) => a.length - b.length,
  );
  if (shorter === longer) return true;
  if (shorter.length >= 3 && longer.startsWith(shorter) && longer.length - shorter.length <= 2)
    return true;
  const allowed = shorter.length >= 6 ? 2 : shorter.length >= 4 ? 1 : 0;
  return editDistance(shorter, longer) <= allowed;
}

/** The domain or any parent of it is on the list (`x.mailinator.com` counts as `mailinator.com`). */
export function isDisposableEmail(email: string, disposableDomains: string[]): boolean {
  const domain = splitEmail(email).domain;
  return disposableDomains.some((listed) => {
    const entry = listed.trim().toLowerCase();
    return entry !== '' && (domain === entry || domain.endsWith(`.${entry}`));
  });
}

export interface FlagInput {
  referrerEmail: string | null;
  refereeEmail: string | null;
  disposableDomains: string[];
  /** Referrals by the same referrer inside the burst window, this one included. */
  referralsInWindow: number;
  burstThreshold: number;
}

/** What looks suspicious about a referral; flagged referrals wait for a manager's approval. */
export function referralFlags(input: FlagInput): ReferralFlag[] {
  const flags: ReferralFlag[] = [];
  if (input.refereeEmail && isDisposableEmail(input.refereeEmail, input.disposableDomains))
    flags.push('disposable_domain');
  if (
    input.refereeEmail &&
    input.referrerEmail &&
    areSimilarEmails(input.referrerEmail, input.refereeEmail)
  )
    flags.push('similar_email');
  if (input.referralsInWindow > input.burstThreshold) flags.push('burst');
  return flags;
}
