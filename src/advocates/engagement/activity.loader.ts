import { DataSource } from 'typeorm';
import { forEachRow, rawQuery } from '../../database/sql';
import { ActivityType } from '../../config/activity-types';
import { MemberRange, memberScope } from '../../database/member-range';
import { Activity, DAY_MS } from './engagement-score';

/** Activities in [from, to) (to exclusive), of one member or of everyone. */
export interface ActivityScope {
  from?: number;
  to: number;
  memberId?: string;
  /** Members by id in a range: a recompute's chunk. */
  memberRange?: MemberRange;
  /**
   * Invitations too, as the community metrics count them. They earn no engagement and are no
   * activity for recency, so the engagement score never asks for them.
   */
  withInvitations?: boolean;
}

export interface MemberActivity extends Activity {
  memberId: string;
}

/** One member's activities of one type, summed (see ActivityLoader.aggregate). */
export interface ActivityAggregate {
  memberId: string;
  type: ActivityType;
  count: number;
  lastAt: number;
  /** Σ 0.5^(age in days / half-life) at asOf. */
  decayed: number;
}

/** Who did it, what, which record, on which platform, when: one SELECT per kind of activity. */
const SOURCES: { member: string; time: string; sql: string; invitation?: true }[] = [
  {
    member: 'p.member_id',
    time: 'p.occurred_at',
    sql: `SELECT p.member_id AS member_id, 'purchase' AS type, p.id AS id, CAST(NULL AS varchar(32)) AS platform, p.occurred_at AS at
            FROM purchases p WHERE p.kind = 'order'`,
  },
  {
    member: 'r.referrer_id',
    time: 'r.invited_at',
    invitation: true,
    sql: `SELECT r.referrer_id AS member_id, 'referral_invited' AS type, r.id AS id, CAST(NULL AS varchar(32)) AS platform, r.invited_at AS at
            FROM referrals r WHERE r.rejected_at IS NULL`,
  },
  {
    // A sign-up and a conversion each earn, dated at their own event. Suspicious referrals
    // count once a manager approves them, as in the value engine; voided and rejected ones
    // (their status) earn nothing.
    member: 'r.referrer_id',
    time: 'r.signed_up_at',
    sql: `SELECT r.referrer_id AS member_id, 'referral_signed_up' AS type, r.id AS id, CAST(NULL AS varchar(32)) AS platform, r.signed_up_at AS at
            FROM referrals r WHERE r.status IN ('signed_up', 'converted') AND r.signed_up_at IS NOT NULL
             AND r.rejected_at IS NULL AND (r.flags = '' OR r.approved_at IS NOT NULL)`,
  },
  {
    member: 'r.referrer_id',
    time: 'r.converted_at',
    sql: `SELECT r.referrer_id AS member_id, 'referral_converted' AS type, r.id AS id, CAST(NULL AS varchar(32)) AS platform, r.converted_at AS at
            FROM referrals r WHERE r.status = 'converted' AND r.converted_at IS NOT NULL
             AND r.rejected_at IS NULL AND (r.flags = '' OR r.approved_at IS NOT NULL)`,
  },
  {
    member: 'v.member_id',
    time: 'v.published_at',
    sql: `SELECT v.member_id AS member_id, 'review' AS type, v.id AS id, v.platform AS platform, v.published_at AS at
            FROM reviews v WHERE v.member_id IS NOT NULL`,
  },
  {
    member: 'n.member_id',
    time: 'n.posted_at',
    sql: `SELECT n.member_id AS member_id, 'mention' AS type, n.id AS id, n.platform AS platform, n.posted_at AS at
            FROM mentions n WHERE n.member_id IS NOT NULL`,
  },
  {
    // Attendees count when they came; hosts, speakers and volunteers unless they did not show.
    member: 'a.member_id',
    time: 'e.starts_at',
    sql: `SELECT a.member_id AS member_id,
                 CASE a.role WHEN 'host' THEN 'event_hosted' WHEN 'speaker' THEN 'event_spoke'
                             WHEN 'volunteer' THEN 'event_volunteered' ELSE 'event_attended' END AS type,
                 a.id AS id, CAST('event' AS varchar(32)) AS platform, e.starts_at AS at
            FROM event_attendance a JOIN events e ON e.id = a.event_id
           WHERE a.member_id IS NOT NULL
             AND (a.status = 'attended' OR (a.role <> 'attendee' AND a.status <> 'no-show'))`,
  },
  {
    member: 'f.member_id',
    time: 'f.submitted_at',
    sql: `SELECT f.member_id AS member_id, 'feedback_submitted' AS type, f.id AS id, CAST(NULL AS varchar(32)) AS platform, f.submitted_at AS at
            FROM feedback f WHERE f.submitted_at IS NOT NULL`,
  },
  {
    // An acceptance later declined (by `to`) no longer counts, as in the knowledge value.
    member: 'f.member_id',
    time: 'f.accepted_at',
    sql: `SELECT f.member_id AS member_id, 'feedback_accepted' AS type, f.id AS id, CAST(NULL AS varchar(32)) AS platform, f.accepted_at AS at
            FROM feedback f WHERE f.accepted_at IS NOT NULL
             AND (f.declined_at IS NULL OR f.declined_at >= :to)`,
  },
  {
    member: 'f.member_id',
    time: 'f.shipped_at',
    sql: `SELECT f.member_id AS member_id, 'feedback_shipped' AS type, f.id AS id, CAST(NULL AS varchar(32)) AS platform, f.shipped_at AS at
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
    const rows = await rawQuery(
      this.dataSource,
      this.branches(scope).join('\nUNION ALL\n'),
      this.parameters(scope),
    );
    return rows.map((row) => ({
      memberId: row.string('member_id'),
      type: row.string('type') as ActivityType,
      id: row.string('id'),
      platform: row.stringOrNull('platform'),
      occurredAt: row.instant('at'),
    }));
  }

  /**
   * Per member and activity type: how many, the latest, and Σ 0.5^(age / half-life) at asOf,
   * summed in the database so that a recompute reads a few rows per member instead of every
   * activity. Ages older than about 1,000 half-lives count 0 (exp underflows, an error on
   * PostgreSQL).
   */
  async aggregate(
    scope: ActivityScope,
    asOf: number,
    halfLifeDays: number,
  ): Promise<ActivityAggregate[]> {
    const rate = Math.LN2 / (halfLifeDays * DAY_MS);
    const grouped = this.branches(scope).map(
      (branch) =>
        `SELECT b.member_id AS member_id, b.type AS type, COUNT(*) AS n, MAX(b.at) AS last_at,
                SUM(CASE WHEN b.at < :oldest THEN 0
                         ELSE exp(CAST(:rate AS double precision) * (b.at - :asOf)) END) AS decayed
           FROM (${branch}) b GROUP BY b.member_id, b.type`,
    );
    const aggregates: ActivityAggregate[] = [];
    await forEachRow(
      this.dataSource,
      grouped.join('\nUNION ALL\n'),
      { ...this.parameters(scope), rate, asOf, oldest: Math.ceil(asOf - 700 / rate) },
      ([memberId, type, count, lastAt, decayed]) =>
        aggregates.push({
          memberId: String(memberId),
          type: type as ActivityType,
          count: Number(count),
          lastAt: Number(lastAt),
          decayed: Number(decayed),
        }),
    );
    return aggregates;
  }

  private branches(scope: ActivityScope): string[] {
    const sources = scope.withInvitations
      ? SOURCES
      : SOURCES.filter((source) => !source.invitation);
    return sources.map(({ member, time, sql }) => {
      const conditions = [`${time} < :to`];
      if (scope.from !== undefined) conditions.push(`${time} >= :from`);
      if (scope.memberId !== undefined) conditions.push(`${member} = :memberId`);
      if (scope.memberRange) conditions.push(memberScope(scope.memberRange).inRange(member));
      return `${sql} AND ${conditions.join(' AND ')}`;
    });
  }

  private parameters(scope: ActivityScope): Record<string, unknown> {
    return {
      from: scope.from,
      to: scope.to,
      memberId: scope.memberId,
      ...(scope.memberRange && memberScope(scope.memberRange).parameters),
    };
  }
}
