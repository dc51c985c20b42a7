import { Injectable } from '@nestjs/common';
import { formatAmount } from '../../common/money/money';
import { HaloSettings } from '../../config/halo-settings';
import { MembersRepository } from '../../members/members.repository';
import { PurchasesRepository } from '../../purchases/purchases.repository';
import { areSimilarEmails, isDisposableEmail } from '../referral-flags';
import { parseFlags } from '../referral-state';
import { ReferralsRepository } from '../referrals.repository';
import { ReferralsService } from '../referrals.service';
import { ReferralEvidenceDto } from './referral-evidence.dto';

const HOUR_MS = 3_600_000;

/**
 * Why a referral was flagged and what a manager's decision is worth, so that approving or
 * rejecting it is not a guess: the two emails a look-alike compares, the disposable domain, the
 * referrer's invitations in the burst window; the reward it costs and what the referee has
 * spent so far (net of refunds, base currency), which the referrer is credited with once
 * approved.
 */
@Injectable()
export class ReferralEvidence {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly rows: ReferralsRepository,
    private readonly members: MembersRepository,
    private readonly settings: HaloSettings,
    private readonly purchases: PurchasesRepository,
  ) {}

  async of(id: string): Promise<ReferralEvidenceDto> {
    const referral = await this.referrals.get(id);
    const { burstWindowHours, burstThreshold, disposableDomains } = this.settings.referrals;
    const referrer = await this.members.findById(referral.referrerId);
    const referee = referral.refereeMemberId
      ? await this.members.findById(referral.refereeMemberId)
      : null;
    const refereeEmail = referee?.email ?? referral.refereeEmail;
    const referrerEmail = referrer?.email ?? null;
    // Stored already, so the count over the window up to its invitation includes it.
    const referralsInWindow = await this.rows.countInvitedBy(
      referral.referrerId,
      referral.invitedAt - burstWindowHours * HOUR_MS,
      referral.invitedAt,
    );
    const disposable =
      refereeEmail && isDisposableEmail(refereeEmail, disposableDomains)
        ? refereeEmail.slice(refereeEmail.lastIndexOf('@') + 1).toLowerCase()
        : null;
    const spentMinor = referral.refereeMemberId
      ? await this.purchases.netSpendOf(referral.refereeMemberId)
      : 0;
    const baseCurrency = this.referrals.baseCurrency;
    return {
      referralId: referral.id,
      flags: parseFlags(referral.flags),
      referrerEmail,
      refereeEmail,
      similarEmails: Boolean(
        referrerEmail && refereeEmail && areSimilarEmails(referrerEmail, refereeEmail),
      ),
      disposableDomain: disposable,
      burst: { referralsInWindow, windowHours: burstWindowHours, threshold: burstThreshold },
      atStake: {
        baseRewardCost: formatAmount(referral.baseRewardMinor, baseCurrency),
        refereeSpend: formatAmount(spentMinor, baseCurrency),
        baseCurrency,
        converted: referral.status === 'converted',
      },
    };
  }
}
