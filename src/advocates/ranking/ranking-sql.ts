import { CursorPosition } from '../../common/pagination/cursor';
import { Basis } from '../dto/list-advocates.query';
import { RankingPlan, SortKey } from './ranking-plan';

/** SQL for the extended value, advocacy value and influence of a snapshot alias, on either basis. */
export function figures(basis: Basis) {
  return {
    extended: (alias: string) =>
      basis === 'all'
        ? `${alias}.extended_minor`
        : `(${alias}.extended_minor - ${alias}.influence_modeled_minor)`,
    advocacy: (alias: string) =>
      basis === 'all'
        ? `${alias}.advocacy_minor`
        : `(${alias}.advocacy_minor - ${alias}.influence_modeled_minor)`,
    influence: (alias: string) =>
      basis === 'all' ? `${alias}.influence_minor` : `${alias}.influence_measured_minor`,
  };
}

export interface RankingSql {
  /** FROM … WHERE … of the page. */
  body: string;
  /** The same rows without the joins only the sort needs. */
  countBody: string;
  parameters: Record<string, unknown>;
  sortExpression: string;
  sortNullable: boolean;
  /** The member's id as the order's tie-break names it (the same value as s.member_id). */
  memberId: string;
  /** The sort or the segment compares periods: every row is computed, none comes from an index. */
  ranksEveryRow: boolean;
  /**
   * The sets of members that filters name and an index lists at little cost (tag, platform),
   * as SELECTs of `member_id` with the statement's parameters.
   */
  memberSets: string[];
  /** A filter or the segment reads a column of the snapshot besides the sort's. */
  filtersSnapshots: boolean;
  /** An index of the current snapshots holds the rows in the sort's order. */
  sortIndexed: boolean;
}

/** Sorts that an index of the snapshots serves on the basis "all" (measured ones are computed). */
const INDEXED_SORTS: SortKey[] = ['advocacy', 'extendedValue', 'influence', 'influenceShare'];

export interface RankingSqlOptions {
  /**
   * SQLite only: the member sets of filters are tested on the rows the sort's index gives in
   * order (`+s.member_id`, which no index serves) instead of driving the statement. SQLite
   * otherwise looks up and sorts every member of the set (10,000 with a common tag: 55 ms for
   * a page); walking the order is faster where the set holds a fair share of the members.
   */
  walkOrder?: boolean;
}

const NO_ROWS = '1 = 0';

/** A current snapshot's stored comparison (snapshot-growth.ts) with the period's start. */
const STORED_JOIN =
  'JOIN value_snapshot_growth g ON g.snapshot_id = s.id AND g.as_of_date = :current AND g.start_date = :startDate';

/**
 * The current snapshots in member order (index as_of_date, member_id), for comparisons of
 * every member with an earlier snapshot: that one then lies next to the one read before, and
 * SQLite reads pages in order instead of at random (twice as fast on 100,000 members). The
 * LIMIT keeps the order from being flattened away; the columns are those the filters,
 * segments and sorts use.
 */
const IN_MEMBER_ORDER = `(SELECT o.member_id, o.as_of_date, o.extended_minor, o.advocacy_minor, o.spend_minor,
    o.referral_minor, o.knowledge_minor, o.influence_minor,
    o.influence_measured_minor, o.influence_modeled_minor, o.engagement, o.tier, o.influence_share,
    o.p_alive, o.order_count, o.last_activity_at
   FROM value_snapshots o WHERE o.as_of_date = :current ORDER BY o.member_id LIMIT 1000000000) s`;

/**
 * Members kept out of rankings: merged pointers and members who object to profiling
 * (docs/api-semantics.md, Privacy). Few, and indexed: the set is built once per statement, so
 * that the ranking and its count read the snapshot indexes alone.
 */
export const EXCLUDED_MEMBERS =
  'SELECT x.id FROM members x WHERE x.merged_into_id IS NOT NULL OR x.profiling_objection_at IS NOT NULL';

/**
 * The ranking as one statement over the current snapshots: member exclusions (merged,
 * profiling objection), filters and segment as WHERE clauses, the sort as an indexed column
 * where one exists; each member's latest snapshot at or before the period's cutoffs is joined
 * only when the sort or the segment needs it.
 */
export function rankingSql(plan: RankingPlan, options: RankingSqlOptions = {}): RankingSql {
  const { extended, advocacy, influence } = figures(plan.basis);
  const parameters: Record<string, unknown> = { current: plan.currentDate };
  const periodFilters = plan.segment === 'rising' || plan.segment === 'new-ambassadors';
  const growthSort = plan.sort === 'growth' || plan.sort === 'advocacyGrowth';
  const needsPeriod = periodFilters || growthSort;
  const compared = needsPeriod && plan.endDate !== null && plan.startDate !== null;
  // The recompute stored this period's comparisons (snapshot-growth.ts): an index orders them.
  const stored = compared && plan.growthStored === true && plan.endDate! >= plan.currentDate;
  // Otherwise growth sorts and the rising segment compute every member's change: no index
  // narrows them.
  const everyRow = needsPeriod && !stored && plan.segment !== 'new-ambassadors';
  const joins: string[] = [];
  const where = ['s.as_of_date = :current', `s.member_id NOT IN (${EXCLUDED_MEMBERS})`];
  let period: Period | null = null;
  if (stored) {
    // new-ambassadors alone looks its few top-tier members up instead of joining every row.
    if (plan.segment !== 'new-ambassadors' || growthSort) joins.push(STORED_JOIN);
    parameters.startDate = plan.startDate;
    const suffix = plan.basis === 'measured' ? '_measured' : '';
    period = {
      growth: (kind) => `g.${kind}_growth${suffix}`,
      endTier: 's.tier',
      // Every current snapshot has its stored row: "not top at the start" is "no row of it
      // stored with the top tier at the start".
      notTopAtStart: `NOT EXISTS (SELECT 1 FROM value_snapshot_growth t WHERE t.snapshot_id = s.id
        AND t.start_date = :startDate AND t.start_tier = :topTier)`,
    };
  } else if (compared) {
    joins.push(latestAtOrBefore('b', 'startDate'));
    parameters.startDate = plan.startDate;
    let end = 's';
    if (plan.endDate! < plan.currentDate) {
      end = 'e';
      joins.push(latestAtOrBefore('e', 'endDate'));
      parameters.endDate = plan.endDate;
    }
    const figure = { extended, advocacy };
    period = {
      growth: (kind) => `(${figure[kind](end)} - COALESCE(${figure[kind]('b')}, 0))`,
      endTier: `${end}.tier`,
      notTopAtStart: '(b.tier IS NULL OR b.tier <> :topTier)',
    };
  }
  const growth = (kind: GrowthKind) => (period ? period.growth(kind) : 'CAST(NULL AS bigint)');

  const filters = filterClauses(
    plan,
    parameters,
    options.walkOrder ? '+s.member_id' : 's.member_id',
  );
  where.push(...filters.clauses);
  if (plan.segment) where.push(segmentClause(plan, parameters, period, advocacy));

  const sorts: Record<SortKey, [string, boolean]> = {
    advocacy: [advocacy('s'), false],
    extendedValue: [extended('s'), false],
    spend: ['s.spend_minor', false],
    referral: ['s.referral_minor', false],
    influence: [influence('s'), false],
    knowledge: ['s.knowledge_minor', false],
    engagement: ['s.engagement', false],
    influenceShare: [
      plan.basis === 'all'
        ? 's.influence_share'
        : `CASE WHEN ${extended('s')} > 0 THEN CAST(${influence('s')} AS double precision) / ${extended('s')} END`,
      true,
    ],
    // Stored figures are never null (a member without a start snapshot starts from zero).
    growth: [growth('extended'), !stored],
    advocacyGrowth: [growth('advocacy'), !stored],
  };
  const [sortExpression, sortNullable] = sorts[plan.sort];
  // Joined to its stored row, a snapshot is of the current date already; without the date
  // constraint SQLite walks the stored rows' index in order instead of every snapshot's.
  const from = (periodJoins: string[]) =>
    `FROM ${everyRow && periodJoins.length ? IN_MEMBER_ORDER : 'value_snapshots s'} ${periodJoins.join(' ')} WHERE ${(periodJoins.includes(STORED_JOIN) ? where.slice(1) : where).join(' AND ')}`;
  // The rising segment's count, where no filter reads the snapshot itself, from the stored
  // rows alone: one of them per current snapshot, so that the count reads their index only.
  const { tier, minPurchases, activeSince } = plan.filters;
  const storedCount =
    stored &&
    plan.segment === 'rising' &&
    tier === undefined &&
    minPurchases === undefined &&
    activeSince === undefined
      ? `FROM value_snapshot_growth g WHERE ${[
          'g.as_of_date = :current AND g.start_date = :startDate',
          ...where.slice(1).map((clause) => clause.replace(/\bs\.member_id\b/g, 'g.member_id')),
        ].join(' AND ')}`
      : null;
  return {
    body: from(joins),
    countBody: storedCount ?? from(periodFilters ? joins : []),
    parameters,
    sortExpression,
    sortNullable,
    // The stored rows' index ends with the member: their copy of it keeps the index's order.
    memberId: stored && growthSort ? 'g.member_id' : 's.member_id',
    ranksEveryRow: everyRow,
    memberSets: filters.memberSets,
    filtersSnapshots:
      plan.segment !== undefined ||
      plan.filters.tier !== undefined ||
      plan.filters.minPurchases !== undefined ||
      plan.filters.activeSince !== undefined,
    sortIndexed:
      !needsPeriod &&
      (plan.sort === 'spend' ||
        plan.sort === 'engagement' ||
        (plan.basis === 'all' && INDEXED_SORTS.includes(plan.sort))),
  };
}

type GrowthKind = 'extended' | 'advocacy';

/** A period's comparison in SQL: the change of a figure, the tier at its end and start. */
interface Period {
  growth: (kind: GrowthKind) => string;
  endTier: string;
  /** The member's start snapshot is missing or not of the top tier (`:topTier`). */
  notTopAtStart: string;
}

function latestAtOrBefore(alias: string, parameter: string): string {
  return `LEFT JOIN value_snapshots ${alias} ON ${alias}.member_id = s.member_id AND ${alias}.as_of_date =
    (SELECT MAX(${alias}x.as_of_date) FROM value_snapshots ${alias}x
      WHERE ${alias}x.member_id = s.member_id AND ${alias}x.as_of_date <= :${parameter})`;
}

function filterClauses(
  plan: RankingPlan,
  parameters: Record<string, unknown>,
  member: string,
): { clauses: string[]; memberSets: string[] } {
  const { filters } = plan;
  const clauses: string[] = [];
  const memberSets: string[] = [];
  const add = (clause: string, values: Record<string, unknown>) => {
    clauses.push(clause);
    Object.assign(parameters, values);
  };
  if (filters.tier !== undefined) add('s.tier = :tier', { tier: filters.tier });
  if (filters.minPurchases !== undefined)
    add('s.order_count >= :minPurchases', { minPurchases: filters.minPurchases });
  if (filters.activeSince !== undefined)
    add('s.last_activity_at >= :activeSince', { activeSince: filters.activeSince });
  // Filters on other tables name a set of members, built once per statement from an index.
  const addSet = (set: string, values: Record<string, unknown>) => {
    add(`${member} IN (${set})`, values);
    memberSets.push(set);
  };
  if (filters.tag !== undefined)
    addSet('SELECT t.member_id FROM member_tags t WHERE t.tag = :tag', { tag: filters.tag });
  if (filters.platform !== undefined)
    addSet(
      `SELECT i.member_id FROM identities i WHERE i.platform = :platform
         UNION SELECT n.member_id FROM mentions n WHERE n.platform = :platform AND n.member_id IS NOT NULL`,
      { platform: filters.platform },
    );
  const onMember: string[] = [];
  if (filters.channel !== undefined) {
    // "|| ''" keeps SQLite off the channel index: a channel names a fifth of the members, and
    // fetching them row by row through the index took 2-3x as long as reading the table in order
    // (64 against 34 ms at 100,000 members; 30 against 11 with a name search beside it).
    onMember.push("(m.acquisition_channel || '') = :channel");
    parameters.channel = filters.channel;
  }
  if (filters.q !== undefined) {
    onMember.push(
      `(LOWER(COALESCE(m.name, '')) LIKE :pattern ESCAPE '\\' OR COALESCE(m.email_normalized, '') LIKE :pattern ESCAPE '\\')`,
    );
    parameters.pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  }
  if (onMember.length)
    clauses.push(`${member} IN (SELECT m.id FROM members m WHERE ${onMember.join(' AND ')})`);
  return { clauses, memberSets };
}

function segmentClause(
  plan: RankingPlan,
  parameters: Record<string, unknown>,
  period: Period | null,
  advocacy: (alias: string) => string,
): string {
  switch (plan.segment) {
    case 'hidden-gems':
      if (!plan.gems) return NO_ROWS;
      Object.assign(parameters, {
        gemAdvocacy: plan.gems.advocacyMinor,
        // Spend is whole minor units: below a median of 52864.5 is below 52865, a bound that
        // PostgreSQL compares with a bigint (a fraction there fails the statement).
        medianSpend: Math.ceil(plan.gems.medianSpendMinor),
      });
      // "+ 0" keeps SQLite on the advocacy index, which narrows to the top share at once.
      return `${advocacy('s')} > 0 AND ${advocacy('s')} >= :gemAdvocacy AND s.spend_minor + 0 < :medianSpend`;
    case 'rising':
      return period ? `${period.growth('advocacy')} > 0` : NO_ROWS;
    case 'at-risk': {
      const upperTiers = plan.tiers.slice(0, -1);
      if (!upperTiers.length) return NO_ROWS;
      Object.assign(parameters, {
        upperTiers,
        periodFrom: plan.from,
        previousFrom: plan.previousFrom,
        atRiskPAlive: plan.atRiskPAlive,
      });
      return `s.tier IN (:...upperTiers) AND ((s.last_activity_at >= :previousFrom AND s.last_activity_at < :periodFrom) OR s.p_alive < :atRiskPAlive)`;
    }
    case 'new-ambassadors':
      if (!period) return NO_ROWS;
      parameters.topTier = plan.tiers[0];
      return `${period.endTier} = :topTier AND ${period.notTopAtStart}`;
    default:
      return NO_ROWS;
  }
}

/** Rows after the cursor in `sort DESC [NULLS LAST], member_id DESC` order. */
export function keysetClause(
  sql: RankingSql,
  position: CursorPosition,
  parameters: Record<string, unknown>,
): string {
  parameters.cursorId = position.id;
  const key = sql.sortExpression;
  const member = sql.memberId;
  if (position.value === null) return `(${key} IS NULL AND ${member} < :cursorId)`;
  parameters.cursorValue = position.value;
  const after = `(${key} < :cursorValue OR (${key} = :cursorValue AND ${member} < :cursorId))`;
  return sql.sortNullable ? `(${after} OR ${key} IS NULL)` : after;
}

export function orderBy(sql: RankingSql): string {
  return `ORDER BY ${sql.sortExpression} DESC${sql.sortNullable ? ' NULLS LAST' : ''}, ${sql.memberId} DESC`;
}
