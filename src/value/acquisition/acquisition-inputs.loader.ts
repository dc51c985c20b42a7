import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { rawQuery } from '../../database/sql';
import { MarginRates, ValueInputsLoader } from '../value-inputs.loader';
import { EventCostFacts } from './acquisition-costs';
import { AcquisitionInputs, CampaignFacts, CommunityCosts } from './acquisition-metrics';
import { AcquiredMember } from './acquisition-source';
import { Period } from './campaign-days';

/** A referral counts as the value engine counts it: converted, not rejected, approved if flagged. */
const COUNTED_REFERRAL = `f.status = 'converted' AND f.rejected_at IS NULL AND (f.flags = '' OR f.approved_at IS NOT NULL)`;
/** The member's current value: the snapshot with the latest asOf date. */
const LATEST_SNAPSHOT = `s.member_id = m.id AND s.as_of_date = (SELECT MAX(x.as_of_date) FROM value_snapshots x WHERE x.member_id = m.id)`;

/** Reads the facts of acquisition metrics for one period; the same SQL on SQLite and PostgreSQL. */
export class AcquisitionInputsLoader {
  constructor(private readonly dataSource: DataSource) {}

  /** `now` bounds the purchases read for the members' measures. */
  async load(period: Period, now: number, rates: MarginRates): Promise<AcquisitionInputs> {
    const [members, campaigns, events, community, summaries] = await Promise.all([
      this.acquiredMembers(period),
      this.campaigns(period),
      this.events(),
      this.communityCosts(period),
      new ValueInputsLoader(this.dataSource).loadSpendSummaries(now, rates),
    ]);
    return { members, campaigns, events, community, summaries };
  }

  /**
   * Members acquired in the period, and every member who names a campaign or was a guest at an
   * event, whenever acquired: a campaign's or an event's cost is shared by all it acquired.
   * The acquiring event is the latest one the member was a guest at (of an attendee who came)
   * that started no later than their first order.
   */
  private async acquiredMembers({ from, to }: Period): Promise<AcquiredMember[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT m.id AS id, m.acquired_at AS acquired_at, m.acquisition_channel AS channel,
              m.acquisition_campaign_id AS campaign_id, c.channel AS campaign_channel, s.spend_minor AS spend_minor,
              (SELECT f.base_reward_minor FROM referrals f WHERE f.referee_member_id = m.id AND ${COUNTED_REFERRAL}) AS referral_reward,
              (SELECT g.event_id FROM event_guests g JOIN events e ON e.id = g.event_id
                 JOIN event_attendance a ON a.id = g.attendance_id
                WHERE g.guest_member_id = m.id AND a.status <> 'no-show'
                  AND e.starts_at <= (SELECT MIN(q.occurred_at) FROM purchases q
                                       WHERE q.member_id = m.id AND q.kind = 'order')
                ORDER BY e.starts_at DESC, e.id DESC LIMIT 1) AS guest_event_id
         FROM members m
         LEFT JOIN campaigns c ON c.id = m.acquisition_campaign_id
         LEFT JOIN value_snapshots s ON ${LATEST_SNAPSHOT}
        WHERE m.merged_into_id IS NULL AND m.acquired_at IS NOT NULL
          AND ((m.acquired_at >= :from AND m.acquired_at < :to)
               OR m.acquisition_campaign_id IS NOT NULL
               OR EXISTS (SELECT 1 FROM event_guests g WHERE g.guest_member_id = m.id))`,
      { from, to },
    );
    return rows.map((row) => ({
      memberId: row.string('id'),
      acquiredAt: row.instant('acquired_at'),
      channel: row.stringOrNull('channel'),
      campaignId: row.stringOrNull('campaign_id'),
      campaignChannel: row.stringOrNull('campaign_channel'),
      referralRewardMinor: row.numberOrNull('referral_reward'),
      guestOfEventId: row.stringOrNull('guest_event_id'),
      spendValueMinor: row.numberOrNull('spend_minor'),
    }));
  }

  /**
   * Campaigns that may run on a day of the period (the exact days are counted in
   * campaign-days.ts), or that acquired a member in it, with all their
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

  /** The events that have guests: the ones that can have acquired someone. */
  private async events(): Promise<EventCostFacts[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT e.id AS id, e.base_cost_minor AS cost FROM events e
        WHERE EXISTS (SELECT 1 FROM event_guests g WHERE g.event_id = e.id)`,
    );
    return rows.map((row) => ({ id: row.string('id'), baseCostMinor: row.number('cost') }));
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
