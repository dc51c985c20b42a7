import { roundMinor } from '../../common/money/money';
import { Calibration, computeInfluenceValues, influenceCalibration } from './influence-value';
import { CampaignCost, cacSavedFunction, computeReferralValues } from './referral-value';
import { BrandSimpleFormula, brandSimpleFormula, memberSimpleFormula } from './simple-formula';
import { ReusedFits, SpendChoice, SpendModel, SpendPredictor, fitSpendModel } from './spend-model';
import {
  AttributedPurchase,
  Coefficients,
  Content,
  Driver,
  FeedbackCounts,
  GuestOrder,
  MemberValue,
  ReferralEdge,
  SpendSummary,
} from './value-types';

export interface ValueInputs {
  memberIds: readonly string[];
  spend: readonly SpendSummary[];
  referrals: readonly ReferralEdge[];
  campaigns: readonly CampaignCost[];
  contents: readonly Content[];
  attributedPurchases: readonly AttributedPurchase[];
  guestOrders: readonly GuestOrder[];
  feedback: ReadonlyMap<string, FeedbackCounts>;
  averageOrderMarginMinor: number;
}

export interface ValueResult {
  model: SpendModel;
  calibration: Calibration[];
  /** The seeds' simple formula for the brand, whichever method valued the members. */
  simpleFormula: BrandSimpleFormula;
  values: MemberValue[];
}

/** What a run fits and calibrates once, brand-wide, and values every member (chunk) with. */
export interface ValuationPlan {
  model: SpendModel;
  calibration: Calibration[];
}

/**
 * One predictor per plan, shared by its chunks: it keeps the costly part of a prediction per
 * (x, T), which members of every chunk share.
 */
const predictors = new WeakMap<ValuationPlan, SpendPredictor>();

function predictorOf(plan: ValuationPlan, coefficients: Coefficients): SpendPredictor {
  let predictor = predictors.get(plan);
  if (!predictor) predictors.set(plan, (predictor = new SpendPredictor(plan.model, coefficients)));
  return predictor;
}

/** The spend model fitted on every buyer and the influence calibrated on all content. */
export function planValuation(
  inputs: Pick<ValueInputs, 'spend' | 'contents' | 'attributedPurchases'>,
  coefficients: Coefficients,
  spendChoice?: { choice: SpendChoice; reuse: ReusedFits },
): ValuationPlan {
  return {
    model: fitSpendModel(inputs.spend, coefficients, spendChoice?.choice, spendChoice?.reuse),
    calibration: influenceCalibration(inputs.contents, inputs.attributedPurchases, coefficients),
  };
}

/** The whole value model for every member, as of one date (docs/value-model.md). */
export function computeValues(
  inputs: ValueInputs,
  coefficients: Coefficients,
  driversPerMember = 10,
  spendChoice?: { choice: SpendChoice; reuse: ReusedFits },
): ValueResult {
  const plan = planValuation(inputs, coefficients, spendChoice);
  return {
    model: plan.model,
    calibration: plan.calibration,
    simpleFormula: brandSimpleFormula(plan.model.simple, inputs.spend, coefficients),
    values: valueMembers(inputs, plan, coefficients, driversPerMember),
  };
}

/**
 * The values of `inputs.memberIds` with a plan: all of them, or one chunk whose inputs hold
 * what its members' values read (their referees' spend, the orders naming their content).
 */
export function valueMembers(
  inputs: ValueInputs,
  plan: ValuationPlan,
  coefficients: Coefficients,
  driversPerMember = 10,
): MemberValue[] {
  const model = plan.model;
  const predictor = predictorOf(plan, coefficients);
  const spendBy = new Map<
    string,
    {
      realized: number;
      predicted: number;
      pAlive: number | null;
      expectedPurchases: number | null;
      simpleFormula: MemberValue['simpleFormula'];
      summary: SpendSummary;
    }
  >();
  for (const summary of inputs.spend) {
    const margin =
      summary.totalNetMinor > 0
        ? summary.realizedMarginMinor / summary.totalNetMinor
        : coefficients.margin;
    const prediction = predictor.predict(summary, margin);
    spendBy.set(summary.memberId, {
      realized: roundMinor(summary.realizedMarginMinor),
      predicted: roundMinor(prediction.predictedMinor),
      pAlive: prediction.pAlive,
      expectedPurchases: prediction.expectedPurchases,
      simpleFormula: memberSimpleFormula(summary, model.simple, coefficients, margin),
      summary,
    });
  }
  const spendOf = (memberId: string) => {
    const spend = spendBy.get(memberId);
    return spend ? spend.realized + spend.predicted : 0;
  };
  const referrals = computeReferralValues(
    inputs.referrals,
    spendOf,
    cacSavedFunction(
      inputs.campaigns,
      coefficients.cacLookbackMonths,
      coefficients.defaultCacMinor,
    ),
    coefficients,
  );
  const influence = computeInfluenceValues(
    inputs.contents,
    inputs.attributedPurchases,
    inputs.guestOrders,
    inputs.averageOrderMarginMinor,
    coefficients,
    plan.calibration,
  );

  return inputs.memberIds.map((memberId): MemberValue => {
    const spend = spendBy.get(memberId);
    const referral = referrals.get(memberId);
    const memberInfluence = influence.values.get(memberId);
    const feedback = inputs.feedback.get(memberId) ?? { accepted: 0, shipped: 0 };
    const drivers: Driver[] = [];
    if (spend) {
      drivers.push({
        component: 'spend',
        kind: 'purchases',
        id: null,
        label: `margin on ${spend.summary.purchaseDays} purchase days`,
        amountMinor: spend.realized,
        basis: 'measured',
        params: {
          purchaseDays: spend.summary.purchaseDays,
          revenueMinor: spend.summary.totalNetMinor,
        },
      });
      drivers.push({
        component: 'spend',
        kind: 'prediction',
        id: null,
        label: 'expected future margin',
        amountMinor: spend.predicted,
        basis: 'modeled',
        params: { method: model.method },
      });
    }
    drivers.push(...(referral?.drivers ?? []), ...(memberInfluence?.drivers ?? []));
    const knowledge =
      feedback.accepted * coefficients.knowledgeAcceptedMinor +
      feedback.shipped * coefficients.knowledgeShippedMinor;
    if (knowledge)
      drivers.push({
        component: 'knowledge',
        kind: 'feedback',
        id: null,
        label: `${feedback.accepted} feedback items accepted, ${feedback.shipped} shipped`,
        amountMinor: knowledge,
        basis: 'measured',
        params: { accepted: feedback.accepted, shipped: feedback.shipped },
      });
    const spendRealizedMinor = spend?.realized ?? 0;
    const spendPredictedMinor = spend?.predicted ?? 0;
    const referralMinor = roundMinor(referral?.amountMinor ?? 0);
    const influenceMeasuredMinor = roundMinor(memberInfluence?.measuredMinor ?? 0);
    const influenceModeledMinor = roundMinor(memberInfluence?.modeledMinor ?? 0);
    const knowledgeMinor = roundMinor(knowledge);
    const spendMinor = spendRealizedMinor + spendPredictedMinor;
    const influenceMinor = influenceMeasuredMinor + influenceModeledMinor;
    return {
      memberId,
      spendRealizedMinor,
      spendPredictedMinor,
      spendMinor,
      method: spend && spend.summary.purchaseDays > 0 ? model.method : 'none',
      pAlive: spend?.pAlive ?? null,
      expectedPurchases: spend?.expectedPurchases ?? null,
      simpleFormula: spend?.simpleFormula ?? null,
      referralMinor,
      influenceMeasuredMinor,
      influenceModeledMinor,
      influenceMinor,
      knowledgeMinor,
      advocacyMinor: referralMinor + influenceMinor + knowledgeMinor,
      extendedMinor: spendMinor + referralMinor + influenceMinor + knowledgeMinor,
      byChannel: Object.fromEntries(
        Object.entries(memberInfluence?.byChannel ?? {}).map(([name, channel]) => [
          name,
          {
            measuredMinor: roundMinor(channel.measuredMinor),
            modeledMinor: roundMinor(channel.modeledMinor),
          },
        ]),
      ),
      drivers: drivers
        .filter((driver) => driver.amountMinor !== 0)
        .map((driver) => ({ ...driver, amountMinor: roundMinor(driver.amountMinor) }))
        .sort((left, right) => Math.abs(right.amountMinor) - Math.abs(left.amountMinor))
        .slice(0, driversPerMember),
    };
  });
}
