import { DataSource } from 'typeorm';
import { ActivityLoader } from '../engagement/activity.loader';
import { rawQuery } from '../raw-query';
import { AcquisitionSource, CommunityData } from './community-measures';

const byTime = (left: { at: number }, right: { at: number }) => left.at - right.at;

/** Reads what the community measures need over [from, to), each list sorted by time. */
export class CommunityDataLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(from: number, to: number): Promise<CommunityData> {
    const [mentions, activities, firstOrders] = await Promise.all([
      rawQuery(
        this.dataSource,
        `SELECT posted_at, reach, platform, handle_normalized, sentiment FROM mentions
          WHERE posted_at >= :from AND posted_at < :to`,
        { from, to },
      ),
      new ActivityLoader(this.dataSource).load({ from, to }),
      this.firstOrders(from, to),
    ]);
    return {
      mentions: mentions
        .map((row) => ({
          at: Number(row.posted_at),
          reach: Number(row.reach),
          handle: `${String(row.platform)}:${String(row.handle_normalized)}`,
          sentiment: row.sentiment === null ? null : Number(row.sentiment),
        }))
        .sort(byTime),
      activities: activities
        .map((activity) => ({
          at: activity.occurredAt,
          memberId: activity.memberId,
          type: activity.type,
        }))
        .sort(byTime),
      firstOrders,
    };
  }

  /**
   * Customers whose first order falls in [from, to), and what brought them, counted once:
   * a converted (and, if flagged, approved) referral, else an event they came to as a guest
   * before that order, else community content the order names.
   */
  private async firstOrders(from: number, to: number): Promise<CommunityData['firstOrders']> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT f.member_id AS member_id, f.first_at AS first_at,
              CASE
                WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.referee_member_id = f.member_id
                               AND r.status = 'converted' AND r.rejected_at IS NULL
                               AND (r.flags = '' OR r.approved_at IS NOT NULL)) THEN 'referral'
                WHEN EXISTS (SELECT 1 FROM event_guests g JOIN events e ON e.id = g.event_id
                              WHERE g.guest_member_id = f.member_id AND e.starts_at <= f.first_at) THEN 'event_guest'
                WHEN EXISTS (SELECT 1 FROM purchases c WHERE c.member_id = f.member_id AND c.kind = 'order'
                               AND c.occurred_at = f.first_at
                               AND (c.attribution_review_id IS NOT NULL OR c.attribution_mention_id IS NOT NULL
                                    OR c.attribution_event_id IS NOT NULL)) THEN 'content'
              END AS source
         FROM (SELECT p.member_id AS member_id, MIN(p.occurred_at) AS first_at FROM purchases p
                WHERE p.kind = 'order' AND p.member_id IN
                      (SELECT q.member_id FROM purchases q
                        WHERE q.kind = 'order' AND q.occurred_at >= :from AND q.occurred_at < :to)
                GROUP BY p.member_id) f
        WHERE f.first_at >= :from`,
      { from, to },
    );
    return rows
      .map((row) => ({
        at: Number(row.first_at),
        memberId: String(row.member_id),
        source: (row.source ?? null) as AcquisitionSource | null,
      }))
      .sort(byTime);
  }
}
