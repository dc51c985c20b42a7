import { Referral, ReferralFlag, ReferralStatus } from './referral.entity';

/** The forward path; voided and rejected end it. */
const PROGRESSION: Record<ReferralStatus, number> = {
  invited: 0,
  signed_up: 1,
  converted: 2,
  voided: 3,
  rejected: 3,
};

/**
 * The given status is the stored one or one the record has already passed (e.g. `invited` sent
 * again for a converted referral): nothing to change. A different end state is not behind.
 */
export function isBehind(given: ReferralStatus, stored: ReferralStatus): boolean {
  if (given === stored) return true;
  if (given === 'voided' || given === 'rejected') return false;
  return PROGRESSION[given] < PROGRESSION[stored];
}

export function isPending(referral: Pick<Referral, 'status'>): boolean {
  return referral.status === 'invited' || referral.status === 'signed_up';
}

export function parseFlags(flags: string): ReferralFlag[] {
  return flags ? (flags.split(',') as ReferralFlag[]) : [];
}

export function formatFlags(flags: ReferralFlag[]): string {
  return [...new Set(flags)].sort().join(',');
}

/** Flagged referrals wait for a manager: held out of value until approved. */
export function awaitsApproval(
  referral: Pick<Referral, 'flags' | 'approvedAt' | 'status'>,
): boolean {
  return referral.flags !== '' && referral.approvedAt === null && referral.status !== 'rejected';
}

/** Whether the referral counts as referral value: converted, and approved when it was flagged. */
export function countsForValue(
  referral: Pick<Referral, 'flags' | 'approvedAt' | 'status'>,
): boolean {
  return referral.status === 'converted' && (referral.flags === '' || referral.approvedAt !== null);
}
