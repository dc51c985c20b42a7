import { DataSource } from 'typeorm';

/**
 * What must hold in the database whatever the requests were: each query counts the rows that
 * break one rule, and runs as written on SQLite and PostgreSQL. Foreign keys and unique indexes
 * already guard some of these; the checks hold the rule even if a migration loses one.
 */
export const INVARIANTS: Record<string, string> = {
  // No orphan.
  'purchase without its member': `SELECT COUNT(*) AS n FROM purchases p
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = p.member_id)`,
  'refund without its order': `SELECT COUNT(*) AS n FROM purchases r
     WHERE r.refund_of_id IS NOT NULL AND NOT EXISTS
       (SELECT 1 FROM purchases o WHERE o.id = r.refund_of_id AND o.kind = 'order')`,
  'refund not marked refund, or refund of nothing': `SELECT COUNT(*) AS n FROM purchases
     WHERE (kind = 'refund') <> (refund_of_id IS NOT NULL) OR kind NOT IN ('order', 'refund')`,
  'identity without its member': `SELECT COUNT(*) AS n FROM identities i
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = i.member_id)`,
  'tag without its member': `SELECT COUNT(*) AS n FROM member_tags t
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = t.member_id)`,
  'review without its member': `SELECT COUNT(*) AS n FROM reviews r
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = r.member_id)`,
  'feedback without its member': `SELECT COUNT(*) AS n FROM feedback f
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = f.member_id)`,
  'mention naming a missing member': `SELECT COUNT(*) AS n FROM mentions x
     WHERE x.member_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = x.member_id)`,
  'referral without its referrer or referee': `SELECT COUNT(*) AS n FROM referrals r
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = r.referrer_id)
        OR (r.referee_member_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = r.referee_member_id))`,
  'attendance without its event or member': `SELECT COUNT(*) AS n FROM event_attendance a
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id)
        OR (a.member_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = a.member_id))`,
  'guest without its attendance': `SELECT COUNT(*) AS n FROM event_guests g
     WHERE NOT EXISTS (SELECT 1 FROM event_attendance a WHERE a.id = g.attendance_id)`,
  'member merged into a missing member or itself': `SELECT COUNT(*) AS n FROM members x
     WHERE x.merged_into_id IS NOT NULL AND (x.merged_into_id = x.id
        OR NOT EXISTS (SELECT 1 FROM members m WHERE m.id = x.merged_into_id))`,
  'value snapshot without its member': `SELECT COUNT(*) AS n FROM value_snapshot_rows s
     WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.id = s.member_id)`,
  'current snapshot date without its run': `SELECT COUNT(*) AS n FROM value_snapshot_dates d
     WHERE NOT EXISTS (SELECT 1 FROM value_runs r WHERE r.id = d.run_id AND r.status = 'succeeded')`,
  // No duplicate natural key.
  'two members with one externalId': `SELECT COUNT(*) AS n FROM (SELECT external_id FROM members
     WHERE external_id IS NOT NULL GROUP BY external_id HAVING COUNT(*) > 1) d`,
  'two members with one email': `SELECT COUNT(*) AS n FROM (SELECT email_normalized FROM members
     WHERE email_normalized IS NOT NULL GROUP BY email_normalized HAVING COUNT(*) > 1) d`,
  'two purchases with one externalId': `SELECT COUNT(*) AS n FROM (SELECT external_id FROM purchases
     GROUP BY external_id HAVING COUNT(*) > 1) d`,
  'two identities with one handle': `SELECT COUNT(*) AS n FROM (SELECT platform, handle_normalized
     FROM identities GROUP BY platform, handle_normalized HAVING COUNT(*) > 1) d`,
  'two events with one externalId': `SELECT COUNT(*) AS n FROM (SELECT external_id FROM events
     WHERE external_id IS NOT NULL GROUP BY external_id HAVING COUNT(*) > 1) d`,
  'two mentions of one url': `SELECT COUNT(*) AS n FROM (SELECT url_normalized FROM mentions
     GROUP BY url_normalized HAVING COUNT(*) > 1) d`,
  'two referrals of one referee': `SELECT COUNT(*) AS n FROM (SELECT referee_member_id FROM referrals
     WHERE referee_member_id IS NOT NULL GROUP BY referee_member_id HAVING COUNT(*) > 1) d`,
  'two reviews with one externalId': `SELECT COUNT(*) AS n FROM (SELECT external_id FROM reviews
     WHERE external_id IS NOT NULL GROUP BY external_id HAVING COUNT(*) > 1) d`,
  'two attendances of one member at one event': `SELECT COUNT(*) AS n FROM (SELECT event_id, member_id
     FROM event_attendance WHERE member_id IS NOT NULL GROUP BY event_id, member_id HAVING COUNT(*) > 1) d`,
  // Money and counters non-negative where required.
  'negative order or refund amount': `SELECT COUNT(*) AS n FROM purchases
     WHERE amount_minor < 0 OR base_amount_minor < 0`,
  'refunds above their order': `SELECT COUNT(*) AS n FROM purchases o
     WHERE o.kind = 'order' AND o.amount_minor <
       (SELECT COALESCE(SUM(r.amount_minor), 0) FROM purchases r WHERE r.refund_of_id = o.id)`,
  'negative campaign spend': `SELECT COUNT(*) AS n FROM campaigns
     WHERE spend_minor < 0 OR base_spend_minor < 0 OR prospects < 0`,
  'negative event cost': `SELECT COUNT(*) AS n FROM events WHERE cost_minor < 0 OR base_cost_minor < 0`,
  'negative referral reward': `SELECT COUNT(*) AS n FROM referrals
     WHERE reward_minor < 0 OR base_reward_minor < 0`,
  'mention counters out of range': `SELECT COUNT(*) AS n FROM mentions
     WHERE reach < 0 OR likes < 0 OR shares < 0 OR comments < 0 OR clicks < 0
        OR sentiment < -1 OR sentiment > 1`,
  'review rating or counters out of range': `SELECT COUNT(*) AS n FROM reviews
     WHERE rating < 1 OR rating > 5 OR views < 0 OR helpful_votes < 0`,
  'event ending before it starts': `SELECT COUNT(*) AS n FROM events
     WHERE ends_at IS NOT NULL AND ends_at < starts_at`,
};

/** The rules broken, with how many rows break each: empty when the database is consistent. */
export async function brokenInvariants(dataSource: DataSource): Promise<Record<string, number>> {
  const broken: Record<string, number> = {};
  for (const [rule, sql] of Object.entries(INVARIANTS)) {
    const [row] = (await dataSource.query(sql)) as Array<{ n: number | string }>;
    if (Number(row.n) > 0) broken[rule] = Number(row.n);
  }
  return broken;
}

const COUNTED_TABLES = [
  'members',
  'member_tags',
  'identities',
  'purchases',
  'campaigns',
  'referrals',
  'reviews',
  'mentions',
  'events',
  'event_attendance',
  'event_guests',
  'feedback',
  'digest_subscriptions',
  'merge_dismissals',
];

/** Rows per business table: a cheap fingerprint of the stored state, to compare around a request. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const sql = COUNTED_TABLES.map(
    (table) => `SELECT '${table}' AS name, COUNT(*) AS n FROM ${table}`,
  ).join(' UNION ALL ');
  const rows = (await dataSource.query(sql)) as Array<{ name: string; n: number | string }>;
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
}
