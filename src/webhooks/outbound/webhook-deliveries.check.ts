import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { ReasonLanguage } from '../../advocates/reasons/reason-language';
import { toIso } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { SystemCheck, SystemCheckResult, SystemReason } from '../../system/system-check';
import { SystemReasonCode } from '../../system/system-reason-code';
import { systemReasonText } from '../../system/system-reason-text';
import { WebhookDelivery } from '../webhook-delivery.entity';
import { WebhookSubscription } from '../webhook-subscription.entity';

const DAY_MS = 86_400_000;
/** /health reports the failures of the last day. */
const FAILURE_HOURS = 24;
const LISTED_FAILURES = 20;

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
    const deliveries = this.dataSource.getRepository(WebhookDelivery);
    const windowDays = this.settings.system.recentDays;
    const failedSince = (since: number) => ({
      status: 'failed' as const,
      lastAttemptAt: MoreThanOrEqual(since),
    });
    const [failedLast24h, failedInWindow, retrying, recent] = await Promise.all([
      deliveries.countBy(failedSince(now - FAILURE_HOURS * 3_600_000)),
      deliveries.countBy(failedSince(now - windowDays * DAY_MS)),
      deliveries.countBy({ status: 'retrying' }),
      deliveries.find({
        where: failedSince(now - windowDays * DAY_MS),
        order: { lastAttemptAt: 'DESC', id: 'DESC' },
        take: LISTED_FAILURES,
      }),
    ]);
    const hosts = await this.subscriptionHosts(recent.map((delivery) => delivery.subscriptionId));
    const details: WebhookDetails = {
      failedLast24h,
      failedInWindow,
      retrying,
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
      windowDays,
    };
    const reasons: SystemReason[] =
      failedLast24h > 0
        ? [
            {
              code: SystemReasonCode.WEBHOOK_FAILURES,
              params: { count: failedLast24h, hours: FAILURE_HOURS },
            },
          ]
        : [];
    return { details, reasons };
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
