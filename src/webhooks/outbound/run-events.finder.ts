import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { rawQuery } from '../../database/sql';
import { ValueRun } from '../../value/value-run.entity';
import { WebhookEvent } from './webhook-event';

/**
 * The events a completed recompute brings: tier changes and new ambassadors (the top tier now
 * and not at the member's previous snapshot date), and referrals flagged since the previous
 * completed run. A backdated run (not the latest date) adds history only and brings no tier
 * events; the first run ever brings none either (everyone would "change").
 */
@Injectable()
export class RunEventsFinder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async find(run: ValueRun): Promise<WebhookEvent[]> {
    return [...(await this.tierEvents(run)), ...(await this.flaggedReferrals(run))];
  }

  private async tierEvents(run: ValueRun): Promise<WebhookEvent[]> {
    const [dates] = await rawQuery(
      this.dataSource,
      `SELECT MAX(as_of_date) AS latest,
              SUM(CASE WHEN as_of_date < :date THEN 1 ELSE 0 END) AS earlier
         FROM (SELECT DISTINCT as_of_date FROM value_snapshots) dates`,
      { date: run.asOfDate },
    );
    if (dates.stringOrNull('latest') !== run.asOfDate || !dates.numberOrNull('earlier')) return [];
    const rows = await rawQuery(
      this.dataSource,
      `SELECT snapshot.member_id, snapshot.tier, prior.tier AS prior_tier,
              CASE WHEN prior.id IS NULL THEN 0 ELSE 1 END AS had_prior
         FROM value_snapshots snapshot
         LEFT JOIN value_snapshots prior
           ON prior.member_id = snapshot.member_id
          AND prior.as_of_date = (SELECT MAX(earlier.as_of_date) FROM value_snapshots earlier
                                   WHERE earlier.member_id = snapshot.member_id
                                     AND earlier.as_of_date < :date)
        WHERE snapshot.run_id = :runId
          AND (prior.id IS NULL OR COALESCE(prior.tier, '') <> COALESCE(snapshot.tier, ''))
        ORDER BY snapshot.member_id`,
      { date: run.asOfDate, runId: run.id },
    );
    const top = this.settings.advocates.tiers[0]?.name;
    const events: WebhookEvent[] = [];
    for (const row of rows) {
      const memberId = row.string('member_id');
      const tier = row.stringOrNull('tier');
      if (row.number('had_prior') === 1)
        events.push({
          type: 'tier.changed',
          memberId,
          from: row.stringOrNull('prior_tier'),
          to: tier,
        });
      if (top !== undefined && tier === top)
        events.push({ type: 'ambassador.new', memberId, tier: top });
    }
    return events;
  }

  private async flaggedReferrals(run: ValueRun): Promise<WebhookEvent[]> {
    const until = run.finishedAt ?? Date.now();
    const [previous] = await rawQuery(
      this.dataSource,
      `SELECT MAX(finished_at) AS since FROM value_runs
        WHERE status = 'succeeded' AND id <> :runId AND finished_at <= :until`,
      { runId: run.id, until },
    );
    const rows = await rawQuery(
      this.dataSource,
      `SELECT id, referrer_id, referee_member_id, flags FROM referrals
        WHERE flags <> '' AND approved_at IS NULL AND rejected_at IS NULL
          AND created_at > :since AND created_at <= :until
        ORDER BY created_at, id`,
      { since: previous.numberOrNull('since') ?? 0, until },
    );
    return rows.map((row) => ({
      type: 'referral.flagged',
      referralId: row.string('id'),
      referrerId: row.string('referrer_id'),
      refereeMemberId: row.stringOrNull('referee_member_id'),
      flags: row.string('flags').split(',').filter(Boolean),
    }));
  }
}
