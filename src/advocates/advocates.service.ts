import { CsvDialect, csvDialect } from '../common/csv/csv-writer';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toIso } from '../common/dates/iso-date';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { HaloSettings } from '../config/halo-settings';
import { advocateCsvHeader, advocateCsvLine } from './ranking/advocate-csv';
import { AdvocateDto, AdvocateListDto } from './dto/advocate.dto';
import { ListAdvocatesQuery } from './dto/list-advocates.query';
import { TierListDto } from './dto/tier-count.dto';
import { AdvocateRows } from './ranking/advocate-rows';
import { RankingPlan } from './ranking/ranking-plan';
import { RankingPlanner } from './ranking/ranking-planner';
import {
  EXCLUDED_MEMBERS,
  RankingSql,
  keysetClause,
  orderBy,
  rankingSql,
} from './ranking/ranking-sql';
import { SnapshotCalendar } from './ranking/snapshot-calendar';
import { isSqlite, rawQuery } from '../database/sql';
import { VersionedCache } from '../database/read-cache/versioned-cache';

const EXPORT_CHUNK = 1000;

/** The ranking of members from the value snapshots, its CSV export, and tier counts. */
@Injectable()
export class AdvocatesService {
  private readonly planner: RankingPlanner;
  private readonly rows: AdvocateRows;
  private readonly counts: VersionedCache<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {
    this.planner = new RankingPlanner(dataSource, settings.advocates);
    this.rows = new AdvocateRows(dataSource);
    this.counts = new VersionedCache(dataSource);
  }

  async list(query: ListAdvocatesQuery): Promise<AdvocateListDto> {
    const plan = await this.planner.plan(query);
    if (!plan) return { items: [], nextCursor: null, total: 0, sort: this.planner.sortOf(query) };
    const sql = rankingSql(plan);
    const limit = query.limit ?? 50;
    // Where every row is computed anyway, the first page counts them in the same pass.
    const countAlong = sql.ranksEveryRow && query.cursor === undefined;
    let countSql = sql;
    let pageSql = sql;
    if (sql.memberSets.length && sql.sortIndexed && !countAlong && isSqlite(this.dataSource)) {
      const { members, snapshots } = await this.memberShare(plan, sql);
      // Walking the sort's order reads about `rows` × snapshots / members rows for a page;
      // the member set driving reads every member of it and sorts them.
      const rows = (query.offset ?? 0) + limit + 1;
      if (members * members >= rows * snapshots) pageSql = rankingSql(plan, { walkOrder: true });
      // Counting by the set looks each member's snapshot up (a table row too when a filter
      // reads the snapshot); an index pass tests each snapshot of the date against the set.
      if (sql.filtersSnapshots && members * 10 >= snapshots)
        countSql = rankingSql(plan, { walkOrder: true });
    }
    const page = await this.page(pageSql, limit, query.cursor, query.offset, countAlong);
    return {
      items: await this.rows.toDtos(plan, page.ids),
      nextCursor: page.nextCursor,
      total: page.total ?? (await this.count(countSql)),
      sort: plan.sort,
    };
  }

  /**
   * For in-process readers (the digests): the rows `list` puts on its first page, without the
   * count they do not show.
   */
  async firstRows(query: ListAdvocatesQuery): Promise<AdvocateDto[]> {
    const plan = await this.planner.plan({ ...query, cursor: undefined, offset: undefined });
    if (!plan) return [];
    const page = await this.page(rankingSql(plan), query.limit ?? 50);
    return this.rows.toDtos(plan, page.ids);
  }

  /** The date of the snapshots a ranking with `to` at the instant reads; null before any. */
  snapshotDateAt(instant: number): Promise<string | null> {
    return new SnapshotCalendar(this.dataSource).cutoffDate(instant);
  }

  /**
   * Checks the request at once, then yields CSV lines of the matching rows in order: every one,
   * or the `limit` asked for (after `offset`).
   */
  async exportCsv(query: ListAdvocatesQuery): Promise<AsyncIterable<string>> {
    const plan = await this.planner.plan({ ...query, cursor: undefined, offset: undefined });
    const dialect = csvDialect(query.locale, this.settings.brand.timezone);
    return this.csvLines(plan, dialect, query.limit, query.offset);
  }

  async tiers(): Promise<TierListDto> {
    const calendar = new SnapshotCalendar(this.dataSource);
    const latest = await calendar.latestDate();
    const counts = new Map<string | null, number>();
    let asOf: string | null = null;
    if (latest !== null) {
      const rows = await rawQuery(
        this.dataSource,
        `SELECT s.tier AS tier, COUNT(*) AS n FROM value_snapshots s
          WHERE s.as_of_date = :latest AND s.member_id NOT IN (${EXCLUDED_MEMBERS})
          GROUP BY s.tier`,
        { latest },
      );
      for (const row of rows) counts.set(row.stringOrNull('tier'), row.number('n'));
      const [snapshot] = await rawQuery(
        this.dataSource,
        'SELECT as_of FROM value_snapshots WHERE as_of_date = :latest LIMIT 1',
        { latest },
      );
      asOf = toIso(snapshot.instant('as_of'));
    }
    const tiers = this.settings.advocates.tiers;
    return {
      asOf,
      items: tiers.map((tier, index) => ({
        name: tier.name,
        rank: index + 1,
        count: counts.get(tier.name) ?? 0,
        thresholds: {
          minAdvocacyValue: tier.minAdvocacyValue ?? null,
          minExtendedValue: tier.minExtendedValue ?? null,
          minInfluence: tier.minInfluence ?? null,
          minEngagement: tier.minEngagement ?? null,
          maxRecencyDays: tier.maxRecencyDays ?? null,
        },
      })),
      nextCursor: null,
      total: tiers.length,
      untiered: [...counts.entries()]
        .filter(([name]) => !tiers.some((tier) => tier.name === name))
        .reduce((sum, [, count]) => sum + count, 0),
    };
  }

  /** Ranks once (a growth sort computes every member's change), then reads rows in chunks. */
  private async *csvLines(
    plan: RankingPlan | null,
    dialect: CsvDialect,
    limit?: number,
    offset?: number,
  ): AsyncIterable<string> {
    yield advocateCsvHeader(dialect);
    if (!plan) return;
    const sql = rankingSql(plan);
    // An explicit limit is honoured; without one, every row (after the offset).
    const window = limit === undefined ? '' : ` LIMIT ${limit} OFFSET ${offset ?? 0}`;
    const ranked = await rawQuery(
      this.dataSource,
      `SELECT s.member_id AS member_id ${sql.body} ${orderBy(sql)}${window}`,
      sql.parameters,
    );
    const ids = ranked
      .slice(limit === undefined ? (offset ?? 0) : 0)
      .map((row) => row.string('member_id'));
    for (let start = 0; start < ids.length; start += EXPORT_CHUNK) {
      const rows = await this.rows.toDtos(plan, ids.slice(start, start + EXPORT_CHUNK));
      yield rows.map((row) => advocateCsvLine(row, dialect)).join('');
    }
  }

  /**
   * The smallest member set that the filters name (an upper bound of the matches), and the
   * number of snapshots of the date: as stored with the hidden gems' counts after the
   * recompute (a deletion since changes it by little), else counted.
   */
  private async memberShare(
    plan: RankingPlan,
    sql: RankingSql,
  ): Promise<{ members: number; snapshots: number }> {
    let members = Infinity;
    // Kept like the totals: a dashboard paging or asking again does not count the set again.
    for (const set of sql.memberSets)
      members = Math.min(members, await this.count({ ...sql, countBody: `FROM (${set}) m` }));
    const [stored] = await rawQuery(
      this.dataSource,
      `SELECT g.snapshots FROM value_snapshot_gems g JOIN value_snapshot_dates d
         ON d.as_of_date = g.as_of_date AND d.run_id = g.run_id
        WHERE g.as_of_date = :date AND g.basis = 'all'`,
      { date: plan.currentDate },
    );
    const snapshots = stored
      ? stored.number('snapshots')
      : await this.count({
          ...sql,
          countBody: 'FROM value_snapshots s WHERE s.as_of_date = :current',
        });
    return { members, snapshots };
  }

  /** Counts are kept until anything is written: paging, or asking again, counts once. */
  private count(sql: RankingSql): Promise<number> {
    return this.counts.get(JSON.stringify([sql.countBody, sql.parameters]), async () => {
      const [row] = await rawQuery(
        this.dataSource,
        `SELECT COUNT(*) AS total ${sql.countBody}`,
        sql.parameters,
      );
      return row.number('total');
    });
  }

  private async page(
    sql: RankingSql,
    limit: number,
    cursor?: string,
    offset?: number,
    countAlong = false,
  ): Promise<{ ids: string[]; nextCursor: string | null; total: number | null }> {
    const parameters = { ...sql.parameters };
    const position = decodeCursor(cursor);
    const keyset = position ? ` AND ${keysetClause(sql, position, parameters)}` : '';
    const rows = await rawQuery(
      this.dataSource,
      `SELECT s.member_id AS member_id, ${sql.sortExpression} AS sort_value${countAlong ? ', COUNT(*) OVER () AS total_rows' : ''}
         ${sql.body}${keyset}
        ${orderBy(sql)} LIMIT ${limit + 1}${offset ? ` OFFSET ${offset}` : ''}`,
      parameters,
    );
    const last = rows[limit - 1];
    const nextCursor =
      rows.length > limit
        ? encodeCursor({
            value: last.numberOrNull('sort_value'),
            id: last.string('member_id'),
          })
        : null;
    return {
      ids: rows.slice(0, limit).map((row) => row.string('member_id')),
      nextCursor,
      total: countAlong && rows.length ? rows[0].number('total_rows') : null,
    };
  }
}
