import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { ClaimTrigger, DigestClaim } from '../digest-claim.entity';
import { DigestDelivery } from '../digest-delivery.entity';
import { DigestSubscriptionsService } from '../digest-subscriptions.service';
import { DigestPeriod } from '../schedule/digest-schedule';
import { SendTimes } from '../schedule/digest-periods';
import { RenderedDigest } from '../templates/digest-view';
import { DigestClaimsService } from './digest-claims.service';
import { DigestDispatcherService } from './digest-dispatcher.service';
import { ContentCache, DigestRendererService } from './digest-renderer.service';
import { DigestsErrorCode } from '../digests-error-code';

export interface TickSummary {
  claimed: number;
  resumed: number;
}

export interface ManualSend {
  claim: DigestClaim;
  deliveries: DigestDelivery[];
}

/**
 * What the scheduler and the manual endpoints call. Time is always passed in, so that tests set
 * the clock instead of waiting for it.
 */
@Injectable()
export class DigestRunnerService {
  private readonly logger = new Logger(DigestRunnerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
    private readonly subscriptions: DigestSubscriptionsService,
    private readonly claims: DigestClaimsService,
    private readonly dispatcher: DigestDispatcherService,
    private readonly renderer: DigestRendererService,
  ) {}

  /**
   * Claims and sends every period that completed since the last one claimed (catchUp: each,
   * at most maxCatchUp; skip: only the latest), then resumes open claims whose lease ran out.
   */
  async tick(now: number): Promise<TickSummary> {
    const active = await this.subscriptions.active();
    const latest = await this.claims.latestScheduledEnds(active.map(({ id }) => id));
    const cache: ContentCache = new Map();
    let claimed = 0;
    for (const subscription of active) {
      try {
        const times = new SendTimes(subscription);
        const after = Math.max(subscription.scheduleFrom, latest.get(subscription.id) ?? -Infinity);
        const limit = subscription.missed === 'catchUp' ? this.settings.digests.maxCatchUp : 1;
        for (const end of times.endsBetween(after, now, limit)) {
          const claim = await this.claims.claim(subscription, times.periodEndingAt(end), {
            trigger: 'schedule',
            force: false,
            now,
          });
          if (!claim) continue;
          claimed += 1;
          await this.dispatcher.process(claim.id, now, cache);
        }
      } catch (error) {
        this.logger.error({ subscriptionId: subscription.id, error: (error as Error).message });
      }
    }
    let resumed = 0;
    for (const claimId of await this.claims.due(now)) {
      if (!(await this.claims.take(claimId, now))) continue;
      resumed += 1;
      try {
        await this.dispatcher.process(claimId, now, cache);
      } catch (error) {
        this.logger.error({ claimId, error: (error as Error).message });
      }
    }
    return { claimed, resumed };
  }

  /** Sends the last completed period now: once per period, or again with force. */
  async send(
    subscriptionId: string,
    options: { force?: boolean; at?: number; trigger: ClaimTrigger },
  ): Promise<ManualSend> {
    const now = Date.now();
    const subscription = await this.subscriptions.get(subscriptionId);
    const period = new SendTimes(subscription).lastCompleted(options.at ?? now);
    const claim = await this.claims.claim(subscription, period, {
      trigger: options.trigger,
      force: options.force ?? false,
      now,
    });
    if (!claim) {
      const existing = await this.claims.findScheduled(subscription.id, period.start);
      throw new DomainError(
        'conflict',
        DigestsErrorCode.DIGEST_ALREADY_SENT,
        `the period ${new Date(period.start).toISOString()} – ${new Date(period.end).toISOString()} was already claimed (status ${existing?.status ?? 'open'}); send with force to send it again`,
        [{ field: 'force', reason: 'the period was already sent', code: 'alreadySent' }],
      );
    }
    const processed = await this.dispatcher.process(claim.id, now);
    const deliveries = await this.dataSource
      .getRepository(DigestDelivery)
      .find({ where: { claimId: claim.id }, order: { recipient: 'ASC' } });
    return { claim: processed, deliveries };
  }

  /** Renders the last completed period without claiming or sending anything. */
  async preview(
    subscriptionId: string,
    at = Date.now(),
  ): Promise<{ period: DigestPeriod; rendered: RenderedDigest; wouldSkip: boolean }> {
    const subscription = await this.subscriptions.get(subscriptionId);
    const period = new SendTimes(subscription).lastCompleted(at);
    const { content, rendered } = await this.renderer.render(subscription, period, {
      preview: true,
    });
    return {
      period,
      rendered: rendered!,
      wouldSkip: content.empty && subscription.whenEmpty === 'skip',
    };
  }
}
