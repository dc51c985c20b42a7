import { ActivityType } from '../../config/activity-types';
import { AcquisitionSource } from './community-measures';

/**
 * What the community SQL returns over a segmentation (window-segments.ts): sums per segment,
 * and groups of members (or people) who did the same thing in the same segments, each group
 * with its head count. Distinct counts of any window are put together from the groups.
 */
export interface CommunityCounts {
  /** Members with orders in the span: the segment of every order (repeated per order). */
  buyers: {
    orders: number[];
    /** Their first order ever lies in the span: the earliest of `orders` is its segment. */
    firstOrder: boolean;
    source: AcquisitionSource | null;
    members: number;
  }[];
  /** Members with activity other than orders in the span, with the segments of their orders. */
  others: { activity: number[]; orders: number[]; members: number }[];
  /** Activities other than orders, per segment and type. */
  interactions: { segment: number; type: ActivityType; count: number }[];
  mentions: { segment: number; mentions: number; reach: number; rated: number; positive: number }[];
  /** People mentioning, (platform, handle): the segment of every mention. */
  people: { mentions: number[]; people: number }[];
}
