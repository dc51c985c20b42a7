import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { Member } from '../../members/member.entity';
import { WebhookDelivery, WebhookDeliveryStatus } from '../webhook-delivery.entity';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, haloSignature } from '../webhook-signatures';
import { WebhookSubscription } from '../webhook-subscription.entity';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEvent } from './webhook-event';
import { sendWebhook } from './webhook-sender';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most the cap. */
export function retryDelayMs(attempts: number, baseSeconds: number, maxSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), maxSeconds) * 1000;
}

/**
 * Sends deliveries: each attempt first takes the row's lease (a conditional UPDATE), so two
 * instances or two ticks never send one delivery at once; then one signed POST, then the
 * outcome: delivered on a 2xx, else retried with backoff until webhooks.maxAttempts.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveriesService,
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly settings: HaloSettings,
  ) {}

  /** Every due delivery once; answers how many were attempted. */
  async deliverDue(now = Date.now()): Promise<number> {
    let attempted = 0;
    for (const id of await this.deliveries.due(now))
      if (await this.attempt(id, now)) attempted += 1;
    return attempted;
  }

  /**
   * One attempt now; `manual` (an admin's retry) also takes a failed delivery back. Answers
   * false when the delivery is delivered, or held by another attempt.
   */
  async attempt(id: string, now = Date.now(), manual = false): Promise<boolean> {
    const statuses: WebhookDeliveryStatus[] = manual
      ? ['pending', 'retrying', 'failed']
      : ['pending', 'retrying'];
    const leaseMs = this.settings.webhooks.timeoutMs + 30_000;
    const claim = await this.dataSource
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ leaseUntil: now + leaseMs, updatedAt: now })
      .where({ id, status: In(statuses) })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
      .execute();
    if (!claim.affected) return false;
    const delivery = await this.deliveries.get(id);
    const subscription = await this.dataSource
      .getRepository(WebhookSubscription)
      .findOneBy({ id: delivery.subscriptionId });
    if (!subscription?.enabled) {
      await this.finish(
        delivery,
        now,
        { statusCode: null, error: 'the subscription is disabled' },
        true,
      );
      return true;
    }
    const body = JSON.stringify({
      id: delivery.id,
      runId: delivery.runId,
      sentAt: new Date(now).toISOString(),
      events: await this.withNames(JSON.parse(delivery.events) as WebhookEvent[]),
    });
    const timestamp = String(Math.floor(now / 1000));
    const result = await sendWebhook({
      url: subscription.url,
      body,
      timeoutMs: this.settings.webhooks.timeoutMs,
      allowPrivate: this.settings.webhooks.allowPrivateTargets,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Halo-Webhooks/1',
        'X-Halo-Webhook-Id': delivery.id,
        'X-Halo-Event-Count': String(delivery.eventCount),
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: haloSignature(
          await this.subscriptions.openSecret(subscription),
          timestamp,
          body,
        ),
      },
    });
    await this.finish(delivery, now, result, false);
    return true;
  }

  private async finish(
    delivery: WebhookDelivery,
    now: number,
    result: { statusCode: number | null; error: string | null },
    giveUp: boolean,
  ): Promise<void> {
    const attempts = delivery.attempts + 1;
    const { maxAttempts, retryBackoffSeconds, retryBackoffMaxSeconds } = this.settings.webhooks;
    const delivered = result.error === null;
    const failed = !delivered && (giveUp || attempts >= maxAttempts);
    const status: WebhookDeliveryStatus = delivered ? 'delivered' : failed ? 'failed' : 'retrying';
    await this.dataSource.getRepository(WebhookDelivery).update(delivery.id, {
      status,
      attempts,
      lastAttemptAt: now,
      lastStatusCode: result.statusCode,
      lastError: result.error?.slice(0, 500) ?? null,
      deliveredAt: delivered ? Date.now() : null,
      nextAttemptAt:
        status === 'retrying'
          ? now + retryDelayMs(attempts, retryBackoffSeconds, retryBackoffMaxSeconds)
          : null,
      leaseUntil: null,
      updatedAt: Date.now(),
    });
    if (!delivered)
      this.logger.warn({ webhookDelivery: delivery.id, attempts, status, error: result.error });
  }

  /** Member names as they are now (an erased member has none): the stored events hold ids. */
  private async withNames(events: WebhookEvent[]): Promise<Record<string, unknown>[]> {
    const ids = new Set<string>();
    for (const event of events) {
      if ('memberId' in event) ids.add(event.memberId);
      if (event.type === 'referral.flagged') {
        ids.add(event.referrerId);
        if (event.refereeMemberId) ids.add(event.refereeMemberId);
      }
    }
    const members = ids.size
      ? await this.dataSource
          .getRepository(Member)
          .find({ select: { id: true, name: true }, where: { id: In([...ids]) } })
      : [];
    const names = new Map(members.map((member) => [member.id, member.name]));
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return events.map((event) =>
      event.type === 'referral.flagged'
        ? {
            ...event,
            referrerName: name(event.referrerId),
            refereeName: name(event.refereeMemberId),
          }
        : { ...event, memberName: name(event.memberId) },
    );
  }
}
