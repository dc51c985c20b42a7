import type { StoredDriver } from '../../advocates/reasons/stored-driver';
import type { MemberSimpleFormula } from './simple-formula';

/** Plain inputs and outputs of the value engine: no Nest, no TypeORM; amounts in base minor units. */

export interface Coefficients {
  margin: number;
  horizonMonths: number;
  annualDiscountRate: number;
  minRepeatBuyers: number;
  remainingLifespanYears: number;
  /** k of the simple formula's credibility weighting, in days (value.simple.credibilityDays). */
  credibilityDays: number;
  /** Days without a purchase day after which a customer counts as lapsed (value.lapseDays). */
  lapseDays: number;
  joinAnyway: number;
  secondDegreeWeight: number;
  defaultCacMinor: number;
  cacLookbackMonths: number;
  attributionWindowDays: number;
  attributionModel: 'last' | 'first' | 'linear';
  minCalibrationOrders: number;
  conversionPerReach: Record<string, number>;
  knowledgeAcceptedMinor: number;
  knowledgeShippedMinor: number;
}

/** One member's repeat-buying summary to asOf (days), with realized margin. */
export interface SpendSummary {
  memberId: string;
  x: number;
  tx: number;
  T: number;
  /** Mean net spend of repeat purchase days, minor units. */
  zbar: number;
  purchaseDays: number;
  totalNetMinor: number;
  realizedMarginMinor: number;
}

/** Stored `method` values (DESIGN.md): BG/NBD, the modified BG/NBD, the simple formula, none. */
export type SpendMethod = 'bgnbd' | 'mbgnbd' | 'simple' | 'none';

/**
 * One record behind a component, as the snapshot stores it and reasons are written from:
 * the shape lives with the reasons (src/advocates/reasons/stored-driver.ts).
 */
export type Driver = StoredDriver;

export interface ReferralEdge {
  id: string;
  referrerId: string;
  refereeId: string;
  convertedAt: number;
  rewardMinor: number;
}

export interface Content {
  kind: 'review' | 'mention' | 'event';
  id: string;
  /** The members credited: the author, or an event's hosts. */
  ownerIds: string[];
  datedAt: number;
  platform: string;
  reach: number;
}

export interface AttributedPurchase {
  purchaseId: string;
  buyerId: string;
  occurredAt: number;
  marginMinor: number;
  contentKeys: string[];
}

/** A guest's first order, credited to whoever brought the guest. */
export interface GuestOrder {
  purchaseId: string;
  guestId: string;
  bringerId: string;
  eventId: string;
  marginMinor: number;
}

export interface FeedbackCounts {
  accepted: number;
  shipped: number;
}

export interface MemberValue {
  memberId: string;
  spendRealizedMinor: number;
  spendPredictedMinor: number;
  spendMinor: number;
  method: SpendMethod;
  pAlive: number | null;
  expectedPurchases: number | null;
  /** The seeds' simple formula beside the prediction; null without a purchase day. */
  simpleFormula: MemberSimpleFormula | null;
  referralMinor: number;
  influenceMeasuredMinor: number;
  influenceModeledMinor: number;
  influenceMinor: number;
  knowledgeMinor: number;
  /** referral + influence + knowledge: what the member is worth through others. */
  advocacyMinor: number;
  extendedMinor: number;
  byChannel: Record<string, { measuredMinor: number; modeledMinor: number }>;
  drivers: Driver[];
}

export function contentKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}
