import { DataSource } from 'typeorm';
import { DAY_MS, parseIsoInstant } from '../../common/dates/iso-date';
import { invalidField } from '../../common/errors/domain-error';
import { AdvocatesSettings } from '../../config/advocates-settings';
import { normalizePlatform } from '../../members/normalize';
import { Basis, ListAdvocatesQuery, Segment } from '../dto/list-advocates.query';
import { rawQuery } from '../../database/sql';
import { RankingPlan, SortKey } from './ranking-plan';
import { figures } from './ranking-sql';
import { SnapshotCalendar } from './snapshot-calendar';
import { DEFAULT_PERIOD_DAYS, growthStored } from './snapshot-growth';

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
      gems: query.segment === 'hidden-gems' ? await this.gems(currentDate, basis) : null,
    };
  }

  /**
   * The advocacy value of the top decile's last member (ties included) and the customers'
   * median spend, over the snapshots read as current (members who object to profiling have
   * none, so they are not in these figures).
   */
  private async gems(
    date: string,
    basis: Basis,
  ): Promise<{ advocacyMinor: number; medianSpendMinor: number } | null> {
    const advocacy = figures(basis).advocacy('s');
    const count = async (condition: string) => {
      const [row] = await rawQuery(
        this.dataSource,
        `SELECT COUNT(*) AS n FROM value_snapshots s WHERE s.as_of_date = :date AND ${condition}`,
        { date },
      );
      return row.number('n');
    };
    const advocates = await count(`${advocacy} > 0`);
    const customers = await count('s.order_count > 0');
    if (!advocates || !customers) return null;
    const rank = Math.ceil(advocates * this.settings.hiddenGemsDecile);
    const [threshold] = await rawQuery(
      this.dataSource,
      `SELECT ${advocacy} AS v FROM value_snapshots s WHERE s.as_of_date = :date AND ${advocacy} > 0
        ORDER BY ${advocacy} DESC LIMIT 1 OFFSET ${rank - 1}`,
      { date },
    );
    const middle = await rawQuery(
      this.dataSource,
      `SELECT s.spend_minor AS v FROM value_snapshots s WHERE s.as_of_date = :date AND s.order_count > 0
        ORDER BY s.spend_minor LIMIT 2 OFFSET ${Math.floor((customers - 1) / 2)}`,
      { date },
    );
    const median =
      customers % 2 === 1
        ? middle[0].number('v')
        : (middle[0].number('v') + middle[1].number('v')) / 2;
    return { advocacyMinor: threshold.number('v'), medianSpendMinor: median };
  }
}
