import { DataSource } from 'typeorm';
import { rawQuery } from '../raw-query';
import { ActivityType } from './activity-types';
import { Activity } from './engagement-score';

/** Activities in [from, to) (to exclusive), of one member, a range of member ids, or everyone. */
export interface ActivityScope {
  from?: number;
  to: number;
  memberId?: string;
  /** Inclusive bounds on member ids, so that a recompute reads members in chunks. */
  memberIds?: { lowest: string; highest: string };
}

export interface MemberActivity extends Activity {
  memberId: string;
}

/** Who did it, what, which record, on which platform, when: one SELECT per kind of activity. */
const SOURCES: { member: string; time: string; sql: string }[] = [
  {
    member: 'p.member_id',
    time: 'p.occurred_at',
    sql: `SELECT p.member_id AS member_id, 'purchase' AS type, p.id AS id, CAST(NULL AS varchar(32)) AS platform, p.occurred_at AS at
            FROM purchases p WHERE p.kind = 'order'`,
  },
  {
    member: 'r.referrer_id',
    time: 'r.invited_at',
    sql: `SELECT r.referrer_id, 'referral_invited', r.id, CAST(NULL AS varchar(32)), r.invited_at
            FROM referrals r WHERE r.rejected_at IS NULL`,
  },
  {
    // Suspicious referrals count once a manager approves them, as in the value engine.
    member: 'r.referrer_id',
    time: 'r.converted_at',
    sql: `SELECT r.referrer_id, 'referral_converted', r.id, CAST(NULL AS varchar(32)), r.converted_at
            FROM referrals r WHERE r.status = 'converted' AND r.converted_at IS NOT NULL
             AND r.rejected_at IS NULL AND (r.flags = '' OR r.approved_at IS NOT NULL)`,
  },
  {
    member: 'v.member_id',
    time: 'v.published_at',
    sql: `SELECT v.member_id, 'review', v.id, v.platform, v.published_at
            FROM reviews v WHERE v.member_id IS NOT NULL`,
  },
  {
    member: 'n.member_id',
    time: 'n.posted_at',
    sql: `SELECT n.member_id, 'mention', n.id, n.platform, n.posted_at
            FROM mentions n WHERE n.member_id IS NOT NULL`,
  },
  {
    // Attendees count when they came; hosts, speakers and volunteers unless they did not show.
    member: 'a.member_id',
    time: 'e.starts_at',
    sql: `SELECT a.member_id,
                 CASE a.role WHEN 'host' THEN 'event_hosted' WHEN 'speaker' THEN 'event_spoke'
                             WHEN 'volunteer' THEN 'event_volunteered' ELSE 'event_attended' END,
                 a.id, CAST('event' AS varchar(32)), e.starts_at
            FROM event_attendance a JOIN events e ON e.id = a.event_id
           WHERE a.member_id IS NOT NULL
             AND (a.status = 'attended' OR (a.role <> 'attendee' AND a.status <> 'no-show'))`,
  },
  {
    member: 'f.member_id',
    time: 'f.submitted_at',
    sql: `SELECT f.member_id, 'feedback_submitted', f.id, CAST(NULL AS varchar(32)), f.submitted_at
            FROM feedback f WHERE f.submitted_at IS NOT NULL`,
  },
  {
    // An acceptance later declined (by `to`) no longer counts, as in the knowledge value.
    member: 'f.member_id',
    time: 'f.accepted_at',
    sql: `SELECT f.member_id, 'feedback_accepted', f.id, CAST(NULL AS varchar(32)), f.accepted_at
            FROM feedback f WHERE f.accepted_at IS NOT NULL
             AND (f.declined_at IS NULL OR f.declined_at >= :to)`,
  },
  {
    member: 'f.member_id',
    time: 'f.shipped_at',
    sql: `SELECT f.member_id, 'feedback_shipped', f.id, CAST(NULL AS varchar(32)), f.shipped_at
            FROM feedback f WHERE f.shipped_at IS NOT NULL`,
  },
];

/**
 * Reads members' activities from the ledger tables in one UNION ALL. Each branch filters on
 * its own indexed member and date columns, so that a member, a chunk of members or a period
 * reads only its rows. The same SQL runs on SQLite and PostgreSQL.
 */
export class ActivityLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(scope: ActivityScope): Promise<MemberActivity[]> {
    const branches = SOURCES.map(({ member, time, sql }) => {
      const conditions = [`${time} < :to`];
      if (scope.from !== undefined) conditions.push(`${time} >= :from`);
      if (scope.memberId !== undefined) conditions.push(`${member} = :memberId`);
      if (scope.memberIds)
        conditions.push(`${member} >= :lowestMember AND ${member} <= :highestMember`);
      return `${sql} AND ${conditions.join(' AND ')}`;
    });
    const rows = await rawQuery(this.dataSource, branches.join('\nUNION ALL\n'), {
      from: scope.from,
      to: scope.to,
      memberId: scope.memberId,
      lowestMember: scope.memberIds?.lowest,
      highestMember: scope.memberIds?.highest,
    });
    return rows.map((row) => ({
      memberId: String(row.member_id),
      type: row.type as ActivityType,
      id: String(row.id),
      platform: row.platform === null ? null : String(row.platform),
      occurredAt: Number(row.at),
    }));
  }
}
