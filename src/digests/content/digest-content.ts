import { DigestPeriod } from '../schedule/digest-schedule';
import { DigestSection } from './digest-sections';

export type MeasureKind = 'count' | 'percent' | 'ratio';

/**
 * A number for this period and the one before. Percent and ratio are fractions (0.25 = 25 %);
 * null where the measure has no denominator (a share of no rated mentions, no buyers).
 */
export interface Measure {
  key: string;
  kind: MeasureKind;
  current: number | null;
  previous: number | null;
}

/** The source articles' four community measures. */
export interface MeasureGroup {
  key: 'reach' | 'acquisition' | 'activity' | 'purchases';
  measures: Measure[];
}

export interface AdvocateRow {
  memberId: string;
  /** User-written: escape wherever it is shown. */
  name: string | null;
  extendedMinor: number;
  /** referral + influence + knowledge: what the top-advocate sections rank and show. */
  advocacyMinor: number;
  /** Growth of the advocacy value over the period; null as for changeMinor. */
  advocacyChangeMinor: number | null;
  /** Up to three sentences in the digest's language: why the member is here. */
  reasons: string[];
  spendMinor: number;
  influenceMinor: number;
  /**
   * Growth of the extended value over the period, as the ranking gives it (a member without an
   * earlier snapshot counts from zero); null when no snapshot precedes the period.
   */
  changeMinor: number | null;
  pAlive: number | null;
  /** For at-risk rows: the activity stopped, or P(alive) fell below the threshold. */
  reason?: 'inactive' | 'pAlive';
}

export interface ContentRow {
  kind: 'review' | 'mention';
  id: string;
  memberId: string | null;
  /** User-written: member name or handle, title, excerpt and url are shown escaped. */
  author: string | null;
  platform: string;
  title: string | null;
  excerpt: string | null;
  url: string | null;
  rating: number | null;
  /** Views of a review, reach of a mention. */
  reach: number;
  at: number;
}

export interface DigestFilters {
  tag: string | null;
  platform: string | null;
}

/** Everything a digest shows for one period; sections not asked for are absent. */
export interface DigestContent {
  period: DigestPeriod;
  previous: DigestPeriod;
  currency: string;
  filters: DigestFilters;
  /** The value snapshots' date used: at or before the period's end. */
  valuesAsOf: string | null;
  sections: DigestSection[];
  community?: MeasureGroup[];
  topAdvocates?: AdvocateRow[];
  newAmbassadors?: AdvocateRow[];
  rising?: AdvocateRow[];
  hiddenGems?: AdvocateRow[];
  atRisk?: AdvocateRow[];
  notableContent?: ContentRow[];
  /** Nothing happened in the period: no activity, orders or new content. */
  empty: boolean;
}
