import { DataSource } from 'typeorm';
import { DigestPeriod } from '../schedule/digest-schedule';
import { DigestFilters, Measure, MeasureGroup } from './digest-content';
import { tagScope } from './member-scope';
import { Row, runQuery, toNumber } from './digest-sql';

type Window = { from: number; to: number };
type Counts = Record<string, number>;

/**
 * The four community measures for the period and the one before it. The tag filter narrows
 * everything to tagged members; the platform filter narrows mentions and reviews. Aggregates
 * count every member: a profiling objection keeps a person out of named rows, not out of sums.
 */
export async function loadCommunityMeasures(
  dataSource: DataSource,
  period: DigestPeriod,
  previous: DigestPeriod,
  filters: DigestFilters,
): Promise<MeasureGroup[]> {
  const current = await countWindow(dataSource, { from: period.start, to: period.end }, filters);
  const before = await countWindow(dataSource, { from: previous.start, to: previous.end }, filters);
  const measure = (key: string, kind: Measure['kind'] = 'count'): Measure => ({
    key,
    kind,
    current: current[key],
    previous: before[key],
  });
  return [
    {
      key: 'reach',
      measures: [
        measure('mentions'),
        measure('reach'),
        measure('people'),
        measure('positiveShare', 'percent'),
      ],
    },
    {
      key: 'acquisition',
      measures: [
        measure('newCustomers'),
        measure('communityCustomers'),
        measure('referralConversions'),
      ],
    },
    {
      key: 'activity',
      measures: [
        measure('activeMembers'),
        measure('reviews'),
        measure('eventAttendances'),
        measure('feedback'),
        measure('referralInvitations'),
      ],
    },
    {
      key: 'purchases',
      measures: [
        measure('orders'),
        measure('revenue', 'money'),
        measure('buyers'),
        measure('ordersPerBuyer', 'ratio'),
        measure('repeatRate', 'percent'),
      ],
    },
  ];
}

/** Nothing happened in the period: no content, events, feedback, referrals or purchases. */
export function isQuiet(groups: MeasureGroup[]): boolean {
  const quiet = ['mentions', 'reviews', 'eventAttendances', 'feedback', 'referralInvitations'];
  const values = new Map(
    groups.flatMap((group) => group.measures.map((entry) => [entry.key, entry.current])),
  );
  return (
    quiet.every((key) => values.get(key) === 0) &&
    values.get('referralConversions') === 0 &&
    values.get('orders') === 0 &&
    values.get('revenue') === 0
  );
}

async function countWindow(
  dataSource: DataSource,
  window: Window,
  filters: DigestFilters,
): Promise<Counts> {
  const parameters = { ...window, tag: filters.tag, platform: filters.platform };
  const one = async (sql: string): Promise<Row> =>
    (await runQuery(dataSource, sql, parameters))[0] ?? {};
  const platform = (column: string) => (filters.platform ? `${column} = :platform` : '1 = 1');
  const within = (column: string) => `${column} >= :from AND ${column} < :to`;

  const mentions = await one(
    `SELECT COUNT(*) AS n, COALESCE(SUM(mn.reach), 0) AS reach,
            COUNT(DISTINCT mn.platform || ':' || mn.handle_normalized) AS people,
            SUM(CASE WHEN mn.sentiment > 0.25 THEN 1 ELSE 0 END) AS positive,
            COUNT(mn.sentiment) AS rated
       FROM mentions mn
      WHERE ${within('mn.posted_at')} AND ${platform('mn.platform')} AND ${tagScope('mn.member_id', filters)}`,
  );
  const reviews = await one(
    `SELECT COUNT(*) AS n FROM reviews rv
      WHERE ${within('rv.published_at')} AND ${platform('rv.platform')} AND ${tagScope('rv.member_id', filters)}`,
  );
  const firstOrders = await one(
    `SELECT COUNT(*) AS n,
            SUM(CASE WHEN p.attribution_review_id IS NOT NULL OR p.attribution_mention_id IS NOT NULL
                       OR p.attribution_event_id IS NOT NULL OR p.attribution_referral_code IS NOT NULL
                       OR EXISTS (SELECT 1 FROM referrals r WHERE r.referee_member_id = p.member_id AND r.status = 'converted')
                       OR EXISTS (SELECT 1 FROM event_guests g WHERE g.guest_member_id = p.member_id)
                     THEN 1 ELSE 0 END) AS community
       FROM purchases p
      WHERE p.kind = 'order' AND ${within('p.occurred_at')} AND ${tagScope('p.member_id', filters)}
        AND NOT EXISTS (SELECT 1 FROM purchases q WHERE q.member_id = p.member_id AND q.kind = 'order'
                          AND (q.occurred_at < p.occurred_at OR (q.occurred_at = p.occurred_at AND q.id < p.id)))`,
  );
  const referrals = await one(
    `SELECT SUM(CASE WHEN ${within('rf.invited_at')} THEN 1 ELSE 0 END) AS invited,
            SUM(CASE WHEN rf.status = 'converted' AND ${within('rf.converted_at')}
                      AND (rf.flags = '' OR rf.approved_at IS NOT NULL) THEN 1 ELSE 0 END) AS converted
       FROM referrals rf
      WHERE ((${within('rf.invited_at')}) OR (${within('rf.converted_at')})) AND ${tagScope('rf.referrer_id', filters)}`,
  );
  const attendance = await one(
    `SELECT COUNT(*) AS n FROM event_attendance ea
      WHERE ea.status = 'attended' AND ${within('COALESCE(ea.attended_at, ea.registered_at)')}
        AND ${tagScope('ea.member_id', filters)}`,
  );
  const feedback = await one(
    `SELECT COUNT(*) AS n FROM feedback fb
      WHERE ${within('fb.submitted_at')} AND ${tagScope('fb.member_id', filters)}`,
  );
  const active = await one(
    `SELECT COUNT(DISTINCT a.member_id) AS n FROM (
        SELECT member_id FROM reviews WHERE ${within('published_at')}
        UNION ALL SELECT member_id FROM mentions WHERE member_id IS NOT NULL AND ${within('posted_at')}
        UNION ALL SELECT member_id FROM event_attendance
                   WHERE member_id IS NOT NULL AND status = 'attended' AND ${within('COALESCE(attended_at, registered_at)')}
        UNION ALL SELECT member_id FROM feedback WHERE ${within('submitted_at')}
        UNION ALL SELECT referrer_id AS member_id FROM referrals WHERE ${within('invited_at')}
      ) a WHERE ${tagScope('a.member_id', filters)}`,
  );
  const purchases = await one(
    `SELECT SUM(CASE WHEN p.kind = 'order' THEN 1 ELSE 0 END) AS orders,
            COALESCE(SUM(CASE WHEN p.kind = 'order' THEN p.base_amount_minor ELSE -p.base_amount_minor END), 0) AS net,
            COUNT(DISTINCT CASE WHEN p.kind = 'order' THEN p.member_id END) AS buyers,
            COUNT(DISTINCT CASE WHEN p.kind = 'order' AND EXISTS (
                SELECT 1 FROM purchases q WHERE q.member_id = p.member_id AND q.kind = 'order' AND q.occurred_at < :from)
              THEN p.member_id END) AS returners
       FROM purchases p
      WHERE ${within('p.occurred_at')} AND ${tagScope('p.member_id', filters)}`,
  );

  const buyers = toNumber(purchases.buyers);
  const orders = toNumber(purchases.orders);
  const rated = toNumber(mentions.rated);
  return {
    mentions: toNumber(mentions.n),
    reach: toNumber(mentions.reach),
    people: toNumber(mentions.people),
    positiveShare: rated === 0 ? 0 : toNumber(mentions.positive) / rated,
    newCustomers: toNumber(firstOrders.n),
    communityCustomers: toNumber(firstOrders.community),
    referralConversions: toNumber(referrals.converted),
    activeMembers: toNumber(active.n),
    reviews: toNumber(reviews.n),
    eventAttendances: toNumber(attendance.n),
    feedback: toNumber(feedback.n),
    referralInvitations: toNumber(referrals.invited),
    orders,
    revenue: toNumber(purchases.net),
    buyers,
    ordersPerBuyer: buyers === 0 ? 0 : orders / buyers,
    repeatRate: buyers === 0 ? 0 : toNumber(purchases.returners) / buyers,
  };
}
