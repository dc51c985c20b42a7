import { awaitsApproval, countsForValue, isBehind } from './referral-state';

describe('referral state', () => {
  it('treats a status the referral has passed as no change', () => {
    expect(isBehind('invited', 'converted')).toBe(true);
    expect(isBehind('converted', 'converted')).toBe(true);
    expect(isBehind('converted', 'invited')).toBe(false);
    expect(isBehind('voided', 'rejected')).toBe(false);
    expect(isBehind('signed_up', 'voided')).toBe(true);
  });

  it('holds flagged referrals out of value until approved', () => {
    const converted = { status: 'converted' as const, flags: '', approvedAt: null };
    expect(countsForValue(converted)).toBe(true);
    const flagged = { ...converted, flags: 'burst' };
    expect(countsForValue(flagged)).toBe(false);
    expect(awaitsApproval(flagged)).toBe(true);
    expect(countsForValue({ ...flagged, approvedAt: 1 })).toBe(true);
    expect(awaitsApproval({ ...flagged, approvedAt: 1 })).toBe(false);
    expect(awaitsApproval({ ...flagged, status: 'rejected' as const })).toBe(false);
    expect(countsForValue({ ...converted, status: 'voided' as const })).toBe(false);
  });
});
