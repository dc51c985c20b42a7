import { DataSource } from 'typeorm';
import { AdvocateRow, DigestFilters } from './digest-content';
import { activityBetween, memberScope } from './member-scope';
import { Row, runQuery, toNullableNumber, toNumber } from './digest-sql';

/**
 * Stand-ins for the advocates module's ranking, tiers and segments, read straight from the
 * value snapshots until that module's services exist. "Top tier" here is the top decile by
 * extended value; DESIGN.md's definitions hold otherwise.
 */
export const TOP_SHARE = 0.1;
export const AT_RISK_P_ALIVE = 0.5;

/** The snapshot dates a digest compares: at or before the period's end, and the one before. */
export interface SnapshotDates {
  current: string | null;
  previous: string | null;
}

export interface AdvocateQuery {
  dates: SnapshotDates;
  filters: DigestFilters;
  limit: number;
}

/** The latest snapshot date whose snapshots are as of the instant or earlier. */
export async function snapshotDateAt(dataSource: DataSource, at: number): Promise<string | null> {
  const rows = await runQuery(
    dataSource,
    `SELECT r.as_of_date AS date FROM value_runs r
      WHERE r.status = 'succeeded' AND r.as_of <= :at
        AND EXISTS (SELECT 1 FROM value_snapshots s WHERE s.as_of_date = r.as_of_date AND s.as_of <= :at)
      ORDER BY r.as_of DESC LIMIT 1`,
    { at },
  );
  return rows.length ? String(rows[0].date) : null;
}

export async function topAdvocates(dataSource: DataSource, query: AdvocateQuery) {
  return advocates(dataSource, query, '1 = 1', 's.extended_minor DESC');
}

/** Members who entered the top decile since the previous snapshot date. */
export async function newAmbassadors(dataSource: DataSource, query: AdvocateQuery) {
  const { current, previous } = query.dates;
  if (!current) return [];
  const threshold = await valueAtShare(
    dataSource,
    current,
    'extended_minor',
    TOP_SHARE,
    's.extended_minor > 0',
  );
  if (threshold === null) return [];
  const before =
    previous && previous !== current
      ? await valueAtShare(
          dataSource,
          previous,
          'extended_minor',
          TOP_SHARE,
          's.extended_minor > 0',
        )
      : null;
  const wasOutside =
    before === null
      ? 'p.member_id IS NULL'
      : `(p.member_id IS NULL OR p.extended_minor < ${before})`;
  return advocates(
    dataSource,
    query,
    `s.extended_minor > 0 AND s.extended_minor >= ${threshold} AND ${wasOutside}`,
    's.extended_minor DESC',
  );
}

/** The largest growth of influence value between the two snapshot dates. */
export async function rising(dataSource: DataSource, query: AdvocateQuery) {
  const { current, previous } = query.dates;
  if (!current || !previous || previous === current) return [];
  return advocates(
    dataSource,
    query,
    's.influence_minor - COALESCE(p.influence_minor, 0) > 0',
    's.influence_minor - COALESCE(p.influence_minor, 0) DESC',
  );
}

/** Top decile of influence (> 0) with spend below the customers' median. */
export async function hiddenGems(dataSource: DataSource, query: AdvocateQuery) {
  const date = query.dates.current;
  if (!date) return [];
  const influence = await valueAtShare(
    dataSource,
    date,
    'influence_minor',
    TOP_SHARE,
    's.influence_minor > 0',
  );
  const median = await medianSpend(dataSource, date);
  if (influence === null || median === null) return [];
  return advocates(
    dataSource,
    query,
    `s.influence_minor > 0 AND s.influence_minor >= ${influence} AND s.spend_minor < ${median}`,
    's.influence_minor DESC',
  );
}

/**
 * Advocates (value beyond their own spend) whose community activity stopped in this period
 * after activity in the one before, or whose P(alive) fell below the threshold.
 */
export async function atRisk(
  dataSource: DataSource,
  query: AdvocateQuery,
  windows: { from: number; to: number; previousFrom: number },
) {
  const inactive = `(${activityBetween('s.member_id', 'previousFrom', 'from')} AND NOT ${activityBetween('s.member_id', 'from', 'to')})`;
  const rows = await advocates(
    dataSource,
    query,
    `s.influence_minor + s.referral_minor + s.knowledge_minor > 0
       AND (${inactive} OR s.p_alive < ${AT_RISK_P_ALIVE})`,
    's.extended_minor DESC',
    windows,
    `CASE WHEN ${inactive} THEN 1 ELSE 0 END AS inactive`,
  );
  return rows.map((row) => ({
    ...row,
    reason: row.inactive ? ('inactive' as const) : ('pAlive' as const),
    inactive: undefined,
  }));
}

async function advocates(
  dataSource: DataSource,
  query: AdvocateQuery,
  condition: string,
  order: string,
  extraParameters: Record<string, unknown> = {},
  extraColumn?: string,
): Promise<(AdvocateRow & { inactive?: boolean })[]> {
  const { current, previous } = query.dates;
  if (!current) return [];
  const rows = await runQuery(
    dataSource,
    `SELECT s.member_id, m.name, s.extended_minor, s.spend_minor, s.influence_minor, s.p_alive,
            p.extended_minor AS previous_extended${extraColumn ? `, ${extraColumn}` : ''}
       FROM value_snapshots s
       JOIN members m ON m.id = s.member_id
       LEFT JOIN value_snapshots p ON p.member_id = s.member_id AND p.as_of_date = :previous
      WHERE s.as_of_date = :current AND ${memberScope('m', query.filters)}
        AND ${condition}
      ORDER BY ${order}, s.member_id
      LIMIT ${Math.trunc(query.limit)}`,
    {
      current,
      previous: previous ?? '',
      tag: query.filters.tag,
      platform: query.filters.platform,
      ...extraParameters,
    },
  );
  return rows.map((row: Row) => ({
    memberId: String(row.member_id),
    name: row.name === null ? null : String(row.name),
    extendedMinor: toNumber(row.extended_minor),
    spendMinor: toNumber(row.spend_minor),
    influenceMinor: toNumber(row.influence_minor),
    changeMinor:
      row.previous_extended === null || row.previous_extended === undefined
        ? null
        : toNumber(row.extended_minor) - toNumber(row.previous_extended),
    pAlive: toNullableNumber(row.p_alive),
    inactive: extraColumn ? toNumber(row.inactive) === 1 : undefined,
  }));
}

/** The value at the top `share` of the population (members in scope of no filter). */
async function valueAtShare(
  dataSource: DataSource,
  date: string,
  column: 'extended_minor' | 'influence_minor',
  share: number,
  condition: string,
): Promise<number | null> {
  const population = `FROM value_snapshots s JOIN members m ON m.id = s.member_id
    WHERE s.as_of_date = :date AND m.merged_into_id IS NULL AND m.profiling_objection_at IS NULL AND ${condition}`;
  const [{ n }] = await runQuery(dataSource, `SELECT COUNT(*) AS n ${population}`, { date });
  const count = toNumber(n);
  if (count === 0) return null;
  const offset = Math.max(0, Math.ceil(count * share) - 1);
  const rows = await runQuery(
    dataSource,
    `SELECT s.${column} AS value ${population} ORDER BY s.${column} DESC LIMIT 1 OFFSET ${offset}`,
    { date },
  );
  return toNumber(rows[0].value);
}

/** The median spend value of customers (spend > 0) on the date. */
async function medianSpend(dataSource: DataSource, date: string): Promise<number | null> {
  const population = `FROM value_snapshots s JOIN members m ON m.id = s.member_id
    WHERE s.as_of_date = :date AND m.merged_into_id IS NULL AND s.spend_minor > 0`;
  const [{ n }] = await runQuery(dataSource, `SELECT COUNT(*) AS n ${population}`, { date });
  const count = toNumber(n);
  if (count === 0) return null;
  const rows = await runQuery(
    dataSource,
    `SELECT s.spend_minor AS value ${population} ORDER BY s.spend_minor LIMIT ${count % 2 === 0 ? 2 : 1} OFFSET ${Math.floor((count - 1) / 2)}`,
    { date },
  );
  const values = rows.map((row) => toNumber(row.value));
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
