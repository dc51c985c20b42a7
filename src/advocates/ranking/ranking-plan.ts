import { AdvocateSort, Basis, Segment } from '../dto/list-advocates.query';
import { ReasonLanguage } from '../../common/language/reason-language';

/** The sorts a request may name. */
export type SortKey = AdvocateSort;

/** A ranking request resolved against the stored snapshots and the settings. */
export interface RankingPlan {
  /**
   * The date of the snapshots read as current: the latest at or before `to` when the request
   * names one (a period is ranked as it stood at its end), else the latest.
   */
  currentDate: string;
  /** Cutoffs for "the latest snapshot at or before" from and to; null when there is none. */
  startDate: string | null;
  endDate: string | null;
  from: number;
  to: number;
  /** Start of the period before, of equal length. */
  previousFrom: number;
  basis: Basis;
  /** The language of reasons in the rows. */
  language: ReasonLanguage;
  sort: SortKey;
  segment?: Segment;
  filters: {
    tier?: string;
    tag?: string;
    platform?: string;
    minPurchases?: number;
    activeSince?: number;
    channel?: string;
    q?: string;
  };
  /** Tiers in order, top first. */
  tiers: string[];
  atRiskPAlive: number;
  /**
   * The recompute stored the comparisons of `currentDate` with `startDate`
   * (value_snapshot_growth, snapshot-growth.ts): growth sorts and the period segments read them.
   */
  growthStored?: boolean;
  /** Hidden gems: advocacy value at least this, spend below that; null when nobody qualifies. */
  gems: { advocacyMinor: number; medianSpendMinor: number } | null;
}
