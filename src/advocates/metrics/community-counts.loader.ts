import { DataSource } from 'typeorm';
import { ActivityType } from '../../config/activity-types';
import { rawQuery } from '../../database/sql';
import { CommunityCounts } from './community-counts';
import { AcquisitionSource, POSITIVE_SENTIMENT } from './community-measures';
import { Segmentation } from './window-segments';

/** Narrowing of the measures: `platform` already normalised. */
export interface MeasureFilters {
  /** Only members carrying the tag, in every measure. */
  tag?: string;
  /** Only mentions and reviews on the platform; orders and other activity as they are. */
  platform?: string;
}

/**
 * The community measures' SQL: five statements over [first boundary, last boundary), each
 * grouped by segment or by what a member did segment by segment, so that only small results
 * leave the database. The same SQL runs on SQLite and PostgreSQL; instants are epoch ms.
 */
export class CommunityCountsLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(segmentation: Segmentation, filters: MeasureFilters): Promise<CommunityCounts> {
    const sql = new CommunitySql(segmentation, filters);
    const [buyers, others, interactions, mentions, people] = await Promise.all(
      sql.statements().map(([, text]) => rawQuery(this.dataSource, text, sql.parameters)),
    );
    return {
      buyers: buyers.map((row) => ({
        orders: segments(row.stringOrNull('order_segments')),
        firstOrder: row.boolean('first_order'),
        source: row.stringOrNull('source') as AcquisitionSource | null,
        members: row.number('members'),
      })),
      others: others.map((row) => ({
        activity: segments(row.stringOrNull('activity_segments')),
        orders: segments(row.stringOrNull('order_segments')),
        members: row.number('members'),
      })),
      interactions: interactions.map((row) => ({
        segment: row.number('segment_no'),
        type: row.string('type') as ActivityType,
        count: row.number('n'),
      })),
      mentions: mentions.map((row) => ({
        segment: row.number('segment_no'),
        mentions: row.number('mentions'),
        reach: row.number('reach'),
        rated: row.number('rated'),
        positive: row.number('positive'),
      })),
      people: people.map((row) => ({
        mentions: segments(row.stringOrNull('mention_segments')),
        people: row.number('people'),
      })),
    };
  }
}

/** "3,5,5" as [3, 5, 5]; the order within a group is not relied on. */
function segments(value: string | null): number[] {
  return value === null || value === '' ? [] : value.split(',').map(Number);
}

/** The statements, in the order load() reads them; exported for the bench's query plans. */
export class CommunitySql {
  readonly parameters: Record<string, unknown>;

  constructor(
    private readonly segmentation: Segmentation,
    private readonly filters: MeasureFilters,
  ) {
    const { boundaries } = segmentation;
    this.parameters = {
      earliest: boundaries[0],
      to: boundaries[boundaries.length - 1],
      positive: POSITIVE_SENTIMENT,
      tag: filters.tag,
      platform: filters.platform,
      ...Object.fromEntries(boundaries.map((instant, index) => [`boundary${index}`, instant])),
    };
  }

  statements(): [string, string][] {
    return [
      ['buyers', this.buyers()],
      ['others', this.others()],
      ['interactions', this.interactions()],
      ['mentions', this.mentions()],
      ['people', this.people()],
    ];
  }

  /**
   * Per member with an order in the span: the segments of those orders, whether the first
   * order ever is among them and what brought it (a converted, approved referral, else an
   * event the member came to as a guest before it, else community content the order names).
   * One pass over the orders in member order gives the first order without a second look;
   * content is looked up in a partial index of the orders that name some.
   */
  buyers(): string {
    return `SELECT order_segments, first_order, source, COUNT(*) AS members FROM (
        SELECT o.order_segments,
               CASE WHEN o.first_at >= :earliest THEN 1 ELSE 0 END AS first_order,
               CASE WHEN o.first_at < :earliest THEN NULL
                    WHEN o.member_id IN (SELECT r.referee_member_id FROM referrals r
                                          WHERE r.status = 'converted' AND r.rejected_at IS NULL
                                            AND (r.flags = '' OR r.approved_at IS NOT NULL)) THEN 'referral'
                    WHEN EXISTS (SELECT 1 FROM event_guests g JOIN events e ON e.id = g.event_id
                                  WHERE g.guest_member_id = o.member_id AND e.starts_at <= o.first_at) THEN 'event_guest'
                    WHEN EXISTS (SELECT 1 FROM purchases c WHERE c.member_id = o.member_id
                                    AND c.occurred_at = o.first_at AND c.kind = 'order'
                                    AND (c.attribution_review_id IS NOT NULL OR c.attribution_mention_id IS NOT NULL
                                         OR c.attribution_event_id IS NOT NULL)) THEN 'content'
               END AS source
          FROM (SELECT p.member_id, MIN(p.occurred_at) AS first_at,
                       string_agg(CASE WHEN p.occurred_at >= :earliest THEN ${this.segment('p.occurred_at')} END, ',') AS order_segments
                  FROM purchases p
                 WHERE p.kind = 'order' AND p.occurred_at < :to${this.tagged('p.member_id')}
                 GROUP BY p.member_id) o
         WHERE o.order_segments IS NOT NULL) buyer
      GROUP BY order_segments, first_order, source`;
  }

  /** Per member with other activity in the span: its segments, and those of their orders. */
  others(): string {
    return `SELECT activity_segments, order_segments, COUNT(*) AS members FROM (
        SELECT string_agg(${this.segment('x.at')}, ',') AS activity_segments,
               (SELECT string_agg(${this.segment('p.occurred_at')}, ',') FROM purchases p
                 WHERE p.kind = 'order' AND p.member_id = x.member_id
                   AND p.occurred_at >= :earliest AND p.occurred_at < :to) AS order_segments
          FROM (${this.otherActivities()}) x
         GROUP BY x.member_id) member_activity
      GROUP BY activity_segments, order_segments`;
  }

  interactions(): string {
    return `SELECT x.type, ${this.segment('x.at')} AS segment_no, COUNT(*) AS n
        FROM (${this.otherActivities()}) x
       GROUP BY x.type, segment_no`;
  }

  mentions(): string {
    return `SELECT ${this.segment('n.posted_at')} AS segment_no, COUNT(*) AS mentions,
                   SUM(n.reach) AS reach, COUNT(n.sentiment) AS rated,
                   SUM(CASE WHEN n.sentiment > :positive THEN 1 ELSE 0 END) AS positive
        FROM mentions n WHERE ${this.mentionRows()}
       GROUP BY segment_no`;
  }

  /** A person is a (platform, handle), whether or not a member is known for it. */
  people(): string {
    return `SELECT mention_segments, COUNT(*) AS people FROM (
        SELECT string_agg(${this.segment('n.posted_at')}, ',') AS mention_segments
          FROM mentions n WHERE ${this.mentionRows()}
         GROUP BY n.platform, n.handle_normalized) person
      GROUP BY mention_segments`;
  }

  private mentionRows(): string {
    return `n.posted_at >= :earliest AND n.posted_at < :to${this.onPlatform('n.platform')}${this.tagged('n.member_id')}`;
  }

  /**
   * Members' activities other than orders, as the engagement score counts them
   * (engagement/activity.loader.ts), one SELECT per kind on its own date column.
   */
  private otherActivities(): string {
    const within = (column: string) => `${column} >= :earliest AND ${column} < :to`;
    const branches = [
      {
        member: 'r.referrer_id',
        sql: `SELECT r.referrer_id AS member_id, 'referral_invited' AS type, r.invited_at AS at
                FROM referrals r WHERE r.rejected_at IS NULL AND ${within('r.invited_at')}`,
      },
      {
        member: 'r.referrer_id',
        sql: `SELECT r.referrer_id, 'referral_signed_up', r.signed_up_at
                FROM referrals r WHERE r.status IN ('signed_up', 'converted') AND r.signed_up_at IS NOT NULL
                 AND r.rejected_at IS NULL AND (r.flags = '' OR r.approved_at IS NOT NULL)
                 AND ${within('r.signed_up_at')}`,
      },
      {
        member: 'r.referrer_id',
        sql: `SELECT r.referrer_id, 'referral_converted', r.converted_at
                FROM referrals r WHERE r.status = 'converted' AND r.rejected_at IS NULL
                 AND (r.flags = '' OR r.approved_at IS NOT NULL) AND ${within('r.converted_at')}`,
      },
      {
        member: 'v.member_id',
        sql: `SELECT v.member_id, 'review', v.published_at FROM reviews v
               WHERE v.member_id IS NOT NULL AND ${within('v.published_at')}${this.onPlatform('v.platform')}`,
      },
      {
        member: 'n.member_id',
        sql: `SELECT n.member_id, 'mention', n.posted_at FROM mentions n
               WHERE n.member_id IS NOT NULL AND ${within('n.posted_at')}${this.onPlatform('n.platform')}`,
      },
      {
        member: 'a.member_id',
        sql: `SELECT a.member_id,
                     CASE a.role WHEN 'host' THEN 'event_hosted' WHEN 'speaker' THEN 'event_spoke'
                                 WHEN 'volunteer' THEN 'event_volunteered' ELSE 'event_attended' END,
                     e.starts_at
                FROM event_attendance a JOIN events e ON e.id = a.event_id
               WHERE a.member_id IS NOT NULL
                 AND (a.status = 'attended' OR (a.role <> 'attendee' AND a.status <> 'no-show'))
                 AND ${within('e.starts_at')}`,
      },
      {
        member: 'f.member_id',
        sql: `SELECT f.member_id, 'feedback_submitted', f.submitted_at FROM feedback f
               WHERE ${within('f.submitted_at')}`,
      },
      {
        // An acceptance declined by the end of the span no longer counts.
        member: 'f.member_id',
        sql: `SELECT f.member_id, 'feedback_accepted', f.accepted_at FROM feedback f
               WHERE (f.declined_at IS NULL OR f.declined_at >= :to) AND ${within('f.accepted_at')}`,
      },
      {
        member: 'f.member_id',
        sql: `SELECT f.member_id, 'feedback_shipped', f.shipped_at FROM feedback f
               WHERE ${within('f.shipped_at')}`,
      },
    ];
    return branches.map(({ member, sql }) => `${sql}${this.tagged(member)}`).join('\nUNION ALL\n');
  }

  /**
   * The segment number of an instant in the span, as text: a binary search over the
   * boundaries written out as nested CASEs, so that it costs a few comparisons a row.
   */
  private segment(column: string): string {
    const search = (low: number, high: number): string => {
      if (low === high) return `'${low}'`;
      const middle = (low + high + 1) >> 1;
      return `CASE WHEN ${column} < :boundary${middle} THEN ${search(low, middle - 1)} ELSE ${search(middle, high)} END`;
    };
    return search(0, this.segmentation.boundaries.length - 2);
  }

  private tagged(memberColumn: string): string {
    return this.filters.tag === undefined
      ? ''
      : ` AND ${memberColumn} IN (SELECT t.member_id FROM member_tags t WHERE t.tag = :tag)`;
  }

  private onPlatform(platformColumn: string): string {
    return this.filters.platform === undefined ? '' : ` AND ${platformColumn} = :platform`;
  }
}
