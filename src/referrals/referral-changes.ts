import { parseIsoInstant } from '../common/dates/iso-date';
import { DomainError, conflict, invalidField } from '../common/errors/domain-error';
import { ConvertedAmount } from '../config/currency-converter.service';
import { ReferralMutableFieldsDto } from './dto/referral-fields';
import { isBehind } from './referral-state';
import { Referral, ReferralStatus } from './referral.entity';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { ReferralsErrorCode } from './referrals-error-code';

/**
 * `patch`: the client asks for these values. `resend`: the same referral arrived again (a POST
 * or an import row); a status it has already passed is no change, and a new channel is a conflict.
 */
export type ChangeMode = 'patch' | 'resend';

/** The columns to update for the mutable fields given, each status change dated `now`. */
export function referralChanges(
  referral: Referral,
  input: ReferralMutableFieldsDto,
  reward: ConvertedAmount | undefined,
  now: number,
  mode: ChangeMode,
): Partial<Referral> {
  const changes: Partial<Referral> = {};
  const signedUpAt =
    input.signedUpAt === undefined ? undefined : parseIsoInstant(input.signedUpAt)!;
  if (signedUpAt !== undefined && signedUpAt < referral.invitedAt)
    throw rule('signedUpAt', 'must not be before invitedAt', 'beforeInvitation');
  let target = input.status;
  if (target === undefined && signedUpAt !== undefined && referral.status === 'invited')
    target = 'signed_up';
  if (target !== undefined && !(mode === 'resend' && isBehind(target, referral.status)))
    Object.assign(changes, transition(referral, target, signedUpAt ?? now, now));
  if (
    signedUpAt !== undefined &&
    changes.signedUpAt === undefined &&
    referral.signedUpAt !== null &&
    referral.signedUpAt !== signedUpAt
  )
    changes.signedUpAt = signedUpAt;
  if (
    reward &&
    (reward.amountMinor !== referral.rewardMinor || reward.currency !== referral.rewardCurrency)
  ) {
    Object.assign(changes, {
      rewardMinor: reward.amountMinor,
      rewardCurrency: reward.currency,
      baseRewardMinor: reward.baseAmountMinor,
      rewardRate: reward.rate,
    });
  }
  if (input.channel !== undefined && input.channel !== referral.channel) {
    if (mode === 'resend')
      throw conflict(
        ReferralsErrorCode.REFERRAL_EXISTS,
        'this referral exists with another channel',
        'channel',
      );
    changes.channel = input.channel;
  }
  return changes;
}

/** The dated columns of a status change, or a 422 naming `status` when the change is not allowed. */
export function transition(
  referral: Referral,
  to: ReferralStatus,
  signedUpAt: number,
  now: number,
): Partial<Referral> {
  if (to === referral.status) return {};
  const refuse = (reason: string) => rule('status', reason, 'invalidTransition');
  switch (to) {
    case 'signed_up':
      if (referral.status !== 'invited')
        throw refuse(`cannot go from ${referral.status} to signed_up`);
      if (!referral.refereeMemberId)
        throw refuse('signed_up needs a referee who is a member (no member has the referee email)');
      return { status: to, signedUpAt };
    case 'converted':
      throw refuse("converted is set by the referee's first order, not by hand");
    case 'voided':
      if (referral.status === 'rejected') throw refuse('cannot go from rejected to voided');
      return { status: to, voidedAt: now };
    case 'rejected':
      return { status: to, rejectedAt: now };
    default:
      throw refuse(`cannot go back from ${referral.status} to ${to}`);
  }
}

export function rule(field: string, reason: string, code: string): DomainError {
  return new DomainError('unprocessable', CommonErrorCode.RULE_VIOLATED, `${field} ${reason}`, [
    { field, reason, code },
  ]);
}

/** rewardCurrency alone would leave the amount ambiguous. */
export function assertRewardComplete(input: ReferralMutableFieldsDto): void {
  if (input.rewardCurrency !== undefined && input.rewardCost === undefined)
    throw invalidField('rewardCost', 'is required with rewardCurrency', 'isDefined');
}
