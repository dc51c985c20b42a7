import { Injectable } from '@nestjs/common';
import { MeasuresDto } from '../../advocates/dto/community-metrics.dto';
import { CommunityMetricsService } from '../../advocates/metrics/community-metrics.service';
import { DigestPeriod } from '../schedule/digest-schedule';
import { DigestFilters, Measure, MeasureGroup } from './digest-content';

type Read = (measures: MeasuresDto) => number | null;

/** Which of the community metrics a digest shows, in its groups and order. */
const GROUPS: { key: MeasureGroup['key']; measures: [string, Measure['kind'], Read][] }[] = [
  {
    key: 'reach',
    measures: [
      ['mentions', 'count', (measures) => measures.reach.mentions],
      ['reach', 'count', (measures) => measures.reach.totalReach],
      ['people', 'count', (measures) => measures.reach.uniquePeople],
      ['positiveShare', 'percent', (measures) => measures.reach.positiveShare],
    ],
  },
  {
    key: 'acquisition',
    measures: [
      ['newCustomers', 'count', (measures) => measures.acquisition.newCustomers],
      ['communityCustomers', 'count', (measures) => measures.acquisition.community],
      ['referralCustomers', 'count', (measures) => measures.acquisition.viaReferral],
      ['guestCustomers', 'count', (measures) => measures.acquisition.viaEventGuest],
      ['contentCustomers', 'count', (measures) => measures.acquisition.viaContent],
    ],
  },
  {
    key: 'activity',
    measures: [
      ['activeMembers', 'count', (measures) => measures.activity.activeMembers],
      ['reviews', 'count', (measures) => measures.activity.interactions.review ?? 0],
      [
        'eventAttendances',
        'count',
        (measures) => measures.activity.interactions.event_attended ?? 0,
      ],
      ['feedback', 'count', (measures) => measures.activity.interactions.feedback_submitted ?? 0],
      [
        'referralInvitations',
        'count',
        (measures) => measures.activity.interactions.referral_invited ?? 0,
      ],
    ],
  },
  {
    key: 'purchases',
    measures: [
      ['orders', 'count', (measures) => measures.purchases.orders],
      ['buyers', 'count', (measures) => measures.purchases.customers],
      ['ordersPerBuyer', 'ratio', (measures) => measures.purchases.ordersPerCustomer],
      ['repeatRate', 'percent', (measures) => measures.purchases.repeatPurchaseRate],
    ],
  },
];

/**
 * The community section: the advocates module's community metrics for the digest's period
 * against its previous one, so that the mail says what GET /metrics/community says for the
 * same window and filters. The tag narrows every measure to tagged members, the platform the
 * mention and review measures; aggregates count members who object to profiling too.
 */
@Injectable()
export class CommunityMeasuresLoader {
  constructor(private readonly metrics: CommunityMetricsService) {}

  async load(
    period: DigestPeriod,
    previous: DigestPeriod,
    filters: DigestFilters,
  ): Promise<MeasureGroup[]> {
    const window = await this.metrics.measureWindow(
      { start: period.start, end: period.end },
      {
        previous: { start: previous.start, end: previous.end },
        tag: filters.tag ?? undefined,
        platform: filters.platform ?? undefined,
      },
    );
    return GROUPS.map((group) => ({
      key: group.key,
      measures: group.measures.map(([key, kind, read]) => ({
        key,
        kind,
        current: read(window.values),
        previous: read(window.previous),
      })),
    }));
  }
}

/** Nothing happened in the period: no mentions, other interactions or orders. */
export function isQuiet(groups: MeasureGroup[]): boolean {
  const quiet = ['mentions', 'reviews', 'eventAttendances', 'feedback', 'referralInvitations'];
  return groups
    .flatMap((group) => group.measures)
    .filter((measure) => quiet.includes(measure.key) || measure.key === 'orders')
    .every((measure) => !measure.current);
}
