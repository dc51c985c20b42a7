import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { rawQuery } from '../../database/sql';
import { AcquiredMember, CampaignFacts, CommunityCosts, Period } from './acquisition-metrics';

/** A referral counts as the value engine counts it: converted, not rejected, approved if flagged. */
const COUNTED_REFERRAL = `f.status = 'converted' AND f.rejected_at IS NULL AND (f.flags = '' OR f.approved_at IS NOT NULL)`;
/** The member's current value: the snapshot with the latest asOf date. */
const LATEST_SNAPSHOT = `s.member_id = m.id AND s.as_of_date = (SELECT MAX(x.as_of_date) FROM value_snapshots x WHERE x.member_id = m.id)`;

/** Reads the facts of acquisition metrics for one period; the same SQL on SQLite and PostgreSQL. */
export class AcquisitionInputsLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(period: Period): Promise<{
    members: AcquiredMember[];
    campaigns: CampaignFacts[];
    community: CommunityCosts;
  }> {
    const [members, campaigns, community] = await Promise.all([
      this.acquiredMembers(period),
      this.campaigns(period),
      this.communityCosts(period),
    ]);
    return { members, campaigns, community };
  }

  private async acquiredMembers({ from, to }: Period): Promise<AcquiredMember[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT m.id AS id, m.acquisition_channel AS channel, m.acquisition_campaign_id AS campaign_id,
              c.channel AS campaign_channel, s.spend_minor AS spend_minor,
              CASE WHEN EXISTS (SELECT 1 FROM referrals f WHERE f.referee_member_id = m.id AND ${COUNTED_REFERRAL})
                   THEN 1 ELSE 0 END AS referred,
              CASE WHEN EXISTS (SELECT 1 FROM event_guests g JOIN events e ON e.id = g.event_id
                                  JOIN event_attendance a ON a.id = g.attendance_id
                                 WHERE g.guest_member_id = m.id AND a.status <> 'no-show'
                                   AND e.starts_at <= (SELECT MIN(q.occurred_at) FROM purchases q
                                                        WHERE q.member_id = m.id AND q.kind = 'order'))
                   THEN 1 ELSE 0 END AS event_guest
         FROM members m
         LEFT JOIN campaigns c ON c.id = m.acquisition_campaign_id
         LEFT JOIN value_snapshots s ON ${LATEST_SNAPSHOT}
        WHERE m.merged_into_id IS NULL AND m.acquired_at >= :from AND m.acquired_at < :to`,
      { from, to },
    );
    return rows.map((row) => ({
      memberId: row.string('id'),
      channel: row.stringOrNull('channel'),
      campaignId: row.stringOrNull('campaign_id'),
      campaignChannel: row.stringOrNull('campaign_channel'),
      referred: row.boolean('referred'),
      eventGuest: row.boolean('event_guest'),
      spendValueMinor: row.numberOrNull('spend_minor'),
    }));
  }

  /**
   * Campaigns that may run on a day of the period (the exact days are counted in
   * acquisition-metrics.ts), or that acquired a member in it, with all their
   * converted prospects (members naming the campaign, whenever acquired) and their value.
   */
  private async campaigns({ from, to }: Period): Promise<CampaignFacts[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT c.id AS id, c.name AS name, c.channel AS channel, c.starts_at AS starts_at,
              c.ends_at AS ends_at, c.base_spend_minor AS spend, c.prospects AS prospects,
              (SELECT COUNT(*) FROM members m WHERE m.acquisition_campaign_id = c.id AND m.merged_into_id IS NULL) AS converted,
              (SELECT COALESCE(SUM(s.extended_minor), 0) FROM members m JOIN value_snapshots s ON ${LATEST_SNAPSHOT}
                WHERE m.acquisition_campaign_id = c.id AND m.merged_into_id IS NULL) AS converted_value
         FROM campaigns c
        WHERE (c.starts_at < :dayAfterTo AND c.ends_at >= :dayBeforeFrom)
           OR EXISTS (SELECT 1 FROM members m WHERE m.acquisition_campaign_id = c.id AND m.merged_into_id IS NULL
                         AND m.acquired_at >= :from AND m.acquired_at < :to)
        ORDER BY c.starts_at, c.id`,
      { from, to, dayBeforeFrom: from - DAY_MS, dayAfterTo: to + DAY_MS },
    );
    return rows.map((row) => ({
      id: row.string('id'),
      name: row.string('name'),
      channel: row.string('channel'),
      startsAt: row.instant('starts_at'),
      endsAt: row.instant('ends_at'),
      baseSpendMinor: row.number('spend'),
      prospects: row.number('prospects'),
      convertedProspects: row.number('converted'),
      convertedProspectsValueMinor: row.number('converted_value'),
    }));
  }

  private async communityCosts({ from, to }: Period): Promise<CommunityCosts> {
    const [rewards] = await rawQuery(
      this.dataSource,
      `SELECT COALESCE(SUM(f.base_reward_minor), 0) AS total FROM referrals f
        WHERE ${COUNTED_REFERRAL} AND f.converted_at >= :from AND f.converted_at < :to`,
      { from, to },
    );
    const [events] = await rawQuery(
      this.dataSource,
      `SELECT COALESCE(SUM(e.base_cost_minor), 0) AS total FROM events e
        WHERE e.starts_at >= :from AND e.starts_at < :to`,
      { from, to },
    );
    return {
      referralRewardsMinor: rewards.number('total'),
      eventCostsMinor: events.number('total'),
    };
  }
}
