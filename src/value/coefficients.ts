import { parseAmount } from '../common/money/money';
import { HaloSettings } from '../config/halo-settings';
import { Coefficients } from './engine/value-types';

function minorUnits(decimal: string, currency: string): number {
  const parsed = parseAmount(decimal, currency);
  if ('problem' in parsed)
    throw new Error(`value setting ${decimal} is not an amount in ${currency}`);
  return parsed.minor;
}

/** The engine's coefficients from the validated settings, money in base-currency minor units. */
export function coefficientsFrom(settings: Pick<HaloSettings, 'value' | 'money'>): Coefficients {
  const { value, money } = settings;
  return {
    margin: value.margin,
    horizonMonths: value.horizonMonths,
    annualDiscountRate: value.annualDiscountRate,
    minRepeatBuyers: value.minRepeatBuyers,
    remainingLifespanYears: value.remainingLifespanYears,
    credibilityDays: value.simple.credibilityDays,
    lapseDays: value.lapseDays,
    joinAnyway: value.referral.joinAnyway,
    secondDegreeWeight: value.referral.secondDegreeWeight,
    defaultCacMinor: minorUnits(value.referral.defaultCac, money.baseCurrency),
    cacLookbackMonths: value.referral.cacLookbackMonths,
    attributionWindowDays: value.influence.attributionWindowDays,
    attributionModel: value.influence.attributionModel,
    minCalibrationOrders: value.influence.minCalibrationOrders,
    conversionPerReach: value.influence.conversionPerReach,
    knowledgeAcceptedMinor: minorUnits(value.knowledge.accepted, money.baseCurrency),
    knowledgeShippedMinor: minorUnits(value.knowledge.shipped, money.baseCurrency),
  };
}
