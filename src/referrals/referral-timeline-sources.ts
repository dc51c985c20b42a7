import { HaloSettings } from '../config/halo-settings';
import { memberLabels } from '../members/member-labels';
import { TimelineSource } from '../members/timeline-sources';
import { ReferralResponseDto } from './dto/referral-response.dto';
import { Referral } from './referral.entity';

/** Referrals a member made (naming the referee) and the one they received (naming the referrer). */
export function referralTimelineSources(settings: HaloSettings): TimelineSource<Referral>[] {
  const common = {
    entity: Referral,
    alias: 'referral',
    occurredColumn: 'referral.invited_at',
    occurredAt: (referral: Referral) => referral.invitedAt,
  };
  const record = (referral: Referral) =>
    ReferralResponseDto.from(referral, settings.money.baseCurrency);
  return [
    {
      ...common,
      type: 'referral_made',
      memberColumn: 'referral.referrer_id',
      describe: async (referrals, manager, words) => {
        const labels = await memberLabels(
          manager,
          referrals.flatMap((referral) => referral.refereeMemberId ?? []),
        );
        return referrals.map((referral) => ({
          summary: words.referred(
            referral.refereeMemberId
              ? (labels.get(referral.refereeMemberId) ?? referral.refereeMemberId)
              : (referral.refereeEmail ?? ''),
            referral.status,
          ),
          record: record(referral),
        }));
      },
    },
    {
      ...common,
      type: 'referral_received',
      memberColumn: 'referral.referee_member_id',
      describe: async (referrals, manager, words) => {
        const labels = await memberLabels(
          manager,
          referrals.map((referral) => referral.referrerId),
        );
        return referrals.map((referral) => ({
          summary: words.referredBy(
            labels.get(referral.referrerId) ?? referral.referrerId,
            referral.status,
          ),
          record: record(referral),
        }));
      },
    },
  ];
}
