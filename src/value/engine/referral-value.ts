import { Coefficients, Driver, ReferralEdge } from './value-types';

export interface ReferralValue {
  amountMinor: number;
  drivers: Driver[];
}

/**
 * Kumar's CRV per referrer: for each converted, approved referee, spend × (1 − joinAnyway)
 * + acquisition cost saved − reward; each grand-referee adds weight × spend × (1 − joinAnyway).
 */
export function computeReferralValues(
  edges: readonly ReferralEdge[],
  spendOf: (memberId: string) => number,
  cacSavedAt: (convertedAt: number) => number,
  coefficients: Pick<Coefficients, 'joinAnyway' | 'secondDegreeWeight'>,
): Map<string, ReferralValue> {
  const byReferrer = new Map<string, ReferralEdge[]>();
  for (const edge of edges) {
    const list = byReferrer.get(edge.referrerId) ?? [];
    list.push(edge);
    byReferrer.set(edge.referrerId, list);
  }
  const keep = 1 - coefficients.joinAnyway;
  const values = new Map<string, ReferralValue>();
  for (const [referrerId, direct] of byReferrer) {
    const drivers: Driver[] = [];
    for (const edge of direct) {
      const cacSaved = cacSavedAt(edge.convertedAt);
      const firstDegree = spendOf(edge.refereeId) * keep + cacSaved - edge.rewardMinor;
      drivers.push({
        component: 'referral',
        kind: 'referral',
        id: edge.id,
        label: 'referred a customer',
        amountMinor: firstDegree,
        basis: 'measured',
        params: {
          refereeId: edge.refereeId,
          cacSavedMinor: cacSaved,
          rewardMinor: edge.rewardMinor,
        },
      });
      for (const second of byReferrer.get(edge.refereeId) ?? []) {
        if (second.refereeId === referrerId) continue;
        const secondDegree = coefficients.secondDegreeWeight * spendOf(second.refereeId) * keep;
        drivers.push({
          component: 'referral',
          kind: 'second-degree-referral',
          id: second.id,
          label: 'a referee referred a customer',
          amountMinor: secondDegree,
          basis: 'measured',
          params: { viaId: edge.refereeId, refereeId: second.refereeId },
        });
      }
    }
    values.set(referrerId, {
      amountMinor: drivers.reduce((total, driver) => total + driver.amountMinor, 0),
      drivers,
    });
  }
  return values;
}

export interface CampaignCost {
  startsAt: number;
  baseSpendMinor: number;
  acquiredMembers: number;
}

/** CAC of the paid campaigns that started in the lookback before a conversion, else the default. */
export function cacSavedFunction(
  campaigns: readonly CampaignCost[],
  lookbackMonths: number,
  defaultCacMinor: number,
): (at: number) => number {
  const lookbackMs = (lookbackMonths * 365.25 * 86_400_000) / 12;
  return (at) => {
    let spend = 0;
    let acquired = 0;
    for (const campaign of campaigns) {
      if (campaign.startsAt < at && campaign.startsAt >= at - lookbackMs) {
        spend += campaign.baseSpendMinor;
        acquired += campaign.acquiredMembers;
      }
    }
    return acquired > 0 ? spend / acquired : defaultCacMinor;
  };
}
