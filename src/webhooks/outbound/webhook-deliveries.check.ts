import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { ReasonLanguage } from '../../common/language/reason-language';
import { toIso } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { SystemCheck, SystemCheckResult, SystemReason } from '../../system/system-check';
import { SystemReasonCode } from '../../system/system-reason-code';
import { deliveryFailures, failureReasons } from '../../system/delivery-failures';
import { systemReasonText } from '../../system/system-reason-text';
import { WebhookDelivery } from '../webhook-delivery.entity';
import { WebhookSubscription } from '../webhook-subscription.entity';

export interface WebhookFailure {
  id: string;
  subscriptionId: string;
  /** The subscription url's host (and port): its path and query may carry a token. */
  host: string | null;
  eventCount: number;
  attempts: number;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

export interface WebhookDetails {
  /** Outbound deliveries that gave up (failed) in the last 24 hours. */
  failedLast24h: number;
  /** The same over the recent window. */
  failedInWindow: number;
  /** Deliveries waiting for another attempt after a failed one. */
  retrying: number;
  /** The window's failures, newest first (at most 20): no payload, no url path, no secret. */
  recentFailures: WebhookFailure[];
  windowDays: number;
}

/**
 * Outbound webhook deliveries that gave up, recent and counted; one in the last day degrades
 * health. Registered by the webhooks module. A delivery gives up at its last attempt, so
 * `last_attempt_at` dates the failure (indexed with its status).
 */
@Injectable()
export class WebhookDeliveriesCheck implements SystemCheck {
  readonly name = 'webhooks';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async run(now: number): Promise<SystemCheckResult> {
    const { recent, ...counts } = await deliveryFailures(
      this.dataSource.getRepository(WebhookDelivery),
      {
        failedSince: (since) => ({
          status: 'failed' as const,
          lastAttemptAt: MoreThanOrEqual(since),
        }),
        retrying: { status: 'retrying' },
        newestFirst: { lastAttemptAt: 'DESC', id: 'DESC' },
      },
      now,
      this.settings.system.recentDays,
    );
    const hosts = await this.subscriptionHosts(recent.map((delivery) => delivery.subscriptionId));
    const details: WebhookDetails = {
      ...counts,
      recentFailures: recent.map((delivery) => ({
        id: delivery.id,
        subscriptionId: delivery.subscriptionId,
        host: hosts.get(delivery.subscriptionId) ?? null,
        eventCount: delivery.eventCount,
        attempts: delivery.attempts,
        lastAttemptAt: toIso(delivery.lastAttemptAt),
        lastStatusCode: delivery.lastStatusCode,
        lastError: delivery.lastError,
      })),
    };
    return {
      details,
      reasons: failureReasons(SystemReasonCode.WEBHOOK_FAILURES, counts.failedLast24h),
    };
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }

  /** Each subscription's url host; a deleted subscription has none. */
  private async subscriptionHosts(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const subscriptions = await this.dataSource
      .getRepository(WebhookSubscription)
      .find({ select: { id: true, url: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(
      subscriptions.map((subscription) => [subscription.id, urlHost(subscription.url)]),
    );
  }
}

/** "hooks.example.com:8443" from a url; never its path, query or credentials. */
export function urlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a url)';
  }
}
