import { DataSource } from 'typeorm';
import { DAY_MS, parseIsoInstant } from '../../common/dates/iso-date';
import { invalidField } from '../../common/errors/domain-error';
import { AdvocatesSettings } from '../../config/advocates-settings';
import { normalizePlatform } from '../../members/normalize';
import { ListAdvocatesQuery, Segment } from '../dto/list-advocates.query';
import { RankingPlan, SortKey } from './ranking-plan';
import { SnapshotCalendar } from './snapshot-calendar';
import { DEFAULT_PERIOD_DAYS, growthStored } from './snapshot-growth';
import { gemsOf } from './snapshot-gems';

const SEGMENT_SORTS: Record<Segment, SortKey> = {
  'hidden-gems': 'advocacy',
  rising: 'advocacyGrowth',
  'at-risk': 'extendedValue',
  'new-ambassadors': 'extendedValue',
};

/** The period of a request: [from, to), default the 30 days to now, and the one before it. */
export function resolvePeriod(
  query: { from?: string; to?: string },
  now: number,
): { from: number; to: number; previousFrom: number } {
  const to = query.to === undefined ? now : parseIsoInstant(query.to)!;
  const from =
    query.from === undefined ? to - DEFAULT_PERIOD_DAYS * DAY_MS : parseIsoInstant(query.from)!;
  if (from >= to) throw invalidField('from', 'must lie before to', 'periodOrder');
  return { from, to, previousFrom: from - (to - from) };
}

/** Turns a ranking request into a plan: dates of the snapshots to read, segment thresholds. */
export class RankingPlanner {
  private readonly calendar: SnapshotCalendar;

  /** The requested sort, else the segment's own order, else advocacy. */
  sortOf(query: Pick<ListAdvocatesQuery, 'sort' | 'segment'>): SortKey {
    return query.sort ?? (query.segment ? SEGMENT_SORTS[query.segment] : 'advocacy');
  }

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: AdvocatesSettings,
  ) {
    this.calendar = new SnapshotCalendar(dataSource);
  }

  /** Null when no snapshot exists yet, or none at or before the `to` asked for. */
  async plan(query: ListAdvocatesQuery, now = Date.now()): Promise<RankingPlan | null> {
    const tiers = this.settings.tiers.map((tier) => tier.name);
    if (query.tier !== undefined && !tiers.includes(query.tier))
      throw invalidField('tier', `must be one of ${tiers.join(', ')}`, 'unknownTier');
    if (query.cursor !== undefined && query.offset !== undefined)
      throw invalidField('offset', 'cannot be combined with cursor', 'cursorAndOffset');
    const period = resolvePeriod(query, now);
    const endDate = await this.calendar.cutoffDate(period.to);
    // A period that ended earlier is ranked on what was known at its end (tiers, P(alive),
    // values), as a digest of that period shows it; without `to`, on the latest snapshots.
    const currentDate = query.to === undefined ? await this.calendar.latestDate() : endDate;
    if (currentDate === null) return null;
    const basis = query.basis ?? 'all';
    const startDate = await this.calendar.cutoffDate(period.from);
    const sort = this.sortOf(query);
    const comparesPeriod =
      sort === 'growth' ||
      sort === 'advocacyGrowth' ||
      query.segment === 'rising' ||
      query.segment === 'new-ambassadors';
    return {
      currentDate,
      startDate,
      endDate,
      growthStored:
        comparesPeriod &&
        startDate !== null &&
        (await growthStored(this.dataSource, currentDate, startDate)),
      ...period,
      basis,
      language: query.lang ?? 'en',
      sort,
      segment: query.segment,
      filters: {
        tier: query.tier,
        tag: query.tag,
        platform: query.platform === undefined ? undefined : normalizePlatform(query.platform),
        minPurchases: query.minPurchases,
        activeSince:
          query.activeSince === undefined ? undefined : parseIsoInstant(query.activeSince),
        channel: query.channel,
        q: query.q,
      },
      tiers,
      atRiskPAlive: this.settings.atRiskPAlive,
      gems:
        query.segment === 'hidden-gems'
          ? await gemsOf(this.dataSource, currentDate, basis, this.settings.hiddenGemsDecile)
          : null,
    };
  }
}
