import { divideHalfEven } from '../../common/money/money';

const DAY_MS = 86_400_000;

/** A metrics window: `from` inclusive, `to` exclusive, epoch ms. */
export interface Period {
  from: number;
  to: number;
}

export interface CampaignSchedule {
  startsAt: number;
  endsAt: number;
  baseSpendMinor: number;
}

/**
 * Days of the campaign in the period, by whole UTC days: a campaign runs from its start day to
 * its end day inclusive; a day is in the period when it starts in [from, to).
 */
export function campaignDaysInPeriod(
  campaign: Pick<CampaignSchedule, 'startsAt' | 'endsAt'>,
  period: Period,
): { overlap: number; days: number } {
  const startDay = Math.floor(campaign.startsAt / DAY_MS);
  const endDay = Math.floor(campaign.endsAt / DAY_MS);
  const firstPeriodDay = Math.ceil(period.from / DAY_MS);
  const afterPeriodDay = Math.ceil(period.to / DAY_MS);
  return {
    overlap: Math.max(0, Math.min(endDay + 1, afterPeriodDay) - Math.max(startDay, firstPeriodDay)),
    days: endDay - startDay + 1,
  };
}

/** The campaign's spend pro-rated by its days in the period, rounded half-even once. */
export function proratedSpend(campaign: CampaignSchedule, period: Period): number {
  const { overlap, days } = campaignDaysInPeriod(campaign, period);
  if (overlap === 0) return 0;
  return Number(divideHalfEven(BigInt(campaign.baseSpendMinor) * BigInt(overlap), BigInt(days)));
}
