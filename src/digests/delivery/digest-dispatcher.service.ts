import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { DigestClaim } from '../digest-claim.entity';
import { DigestDelivery, OPEN_DELIVERY_STATUSES } from '../digest-delivery.entity';
import { DigestSubscription } from '../digest-subscription.entity';
import { MailTransport } from '../mail/mail-transport';
import { DigestClaimsService } from './digest-claims.service';
import { ContentCache, DigestRendererService } from './digest-renderer.service';
import { RetryPolicy, afterFailure } from './send-outcome';
import { UnsubscribeTokens } from '../unsubscribe/unsubscribe-tokens';

/**
 * Works through one claim this instance holds: renders it once (kept on the claim, so that every
 * recipient and retry gets the same mail), sends each open delivery, records the outcome per
 * recipient, and leaves the claim open until its next retry or closes it.
 */
@Injectable()
export class DigestDispatcherService implements OnApplicationShutdown {
  private readonly logger = new Logger(DigestDispatcherService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
    private readonly claims: DigestClaimsService,
    private readonly renderer: DigestRendererService,
    private readonly transport: MailTransport,
    private readonly unsubscribeTokens: UnsubscribeTokens,
  ) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }

  /** RFC 2369 and RFC 8058: a signed one-click link that takes this recipient off the list. */
  private async unsubscribeHeaders(
    subscriptionId: string,
    recipient: string,
  ): Promise<Record<string, string>> {
    const token = await this.unsubscribeTokens.sign(subscriptionId, recipient);
    const base = this.settings.server.publicBaseUrl.replace(/\/+$/, '');
    return {
      'List-Unsubscribe': `<${base}/api/v1/digests/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }

  async process(claimId: string, now: number, cache?: ContentCache): Promise<DigestClaim> {
    const claimRepository = this.dataSource.getRepository(DigestClaim);
    const claim = await claimRepository.findOneByOrFail({ id: claimId });
    const subscription = await this.dataSource
      .getRepository(DigestSubscription)
      .findOneByOrFail({ id: claim.subscriptionId });
    if (claim.subject === null) {
      // Until the mail is rendered the recipient list may still be incomplete (a crash right
      // after the claim); from then on the claim's recipients are fixed.
      await this.claims.ensureDeliveries(claim, subscription, now);
      const { content, rendered } = await this.renderer.render(
        subscription,
        { start: claim.periodStart, end: claim.periodEnd },
        { cache },
      );
      if (!rendered) return this.skip(claim, now);
      Object.assign(claim, { ...rendered, valuesAsOf: content.valuesAsOf });
      await claimRepository.update(
        { id: claim.id },
        { ...rendered, valuesAsOf: content.valuesAsOf },
      );
    }
    const deliveries = await this.dataSource.getRepository(DigestDelivery).find({
      where: { claimId: claim.id, status: In(OPEN_DELIVERY_STATUSES) },
      order: { recipient: 'ASC' },
    });
    // The lease follows the real time spent here, on top of the (possibly set) clock.
    const startedAt = Date.now();
    for (const delivery of deliveries) {
      if (delivery.nextAttemptAt !== null && delivery.nextAttemptAt > now) continue;
      if (!(await this.claims.renew(claim.id, now + Date.now() - startedAt))) {
        this.logger.warn(`claim ${claim.id} was taken over by another instance; stopping`);
        return claim;
      }
      await this.attempt(claim, delivery, now);
    }
    return this.settle(claim, now);
  }

  private async attempt(claim: DigestClaim, delivery: DigestDelivery, now: number): Promise<void> {
    const attempts = delivery.attempts + 1;
    const repository = this.dataSource.getRepository(DigestDelivery);
    try {
      const receipt = await this.transport.send({
        from: this.settings.digests.smtp.from,
        to: delivery.recipient,
        subject: claim.subject!,
        html: claim.html!,
        text: claim.text!,
        messageId: delivery.messageId,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-Halo-Digest': `${claim.subscriptionId}; period=${new Date(claim.periodStart).toISOString()}`,
          ...(await this.unsubscribeHeaders(claim.subscriptionId, delivery.recipient)),
        },
      });
      await repository.update(
        { id: delivery.id },
        {
          status: 'sent',
          attempts,
          lastAttemptAt: now,
          nextAttemptAt: null,
          sentAt: now,
          lastResponse: receipt.response.slice(0, 1000),
          updatedAt: now,
        },
      );
    } catch (error) {
      const outcome = afterFailure(error, attempts, now, this.policy());
      this.logger.warn({
        claimId: claim.id,
        deliveryId: delivery.id,
        attempts,
        status: outcome.status,
        error: outcome.response,
      });
      await repository.update(
        { id: delivery.id },
        {
          status: outcome.status,
          attempts,
          lastAttemptAt: now,
          nextAttemptAt: outcome.nextAttemptAt,
          lastResponse: outcome.response,
          updatedAt: now,
        },
      );
    }
  }

  /** Open until the earliest retry (the lease runs out then, so any instance's tick takes it). */
  private async settle(claim: DigestClaim, now: number): Promise<DigestClaim> {
    const open = await this.dataSource.getRepository(DigestDelivery).find({
      where: { claimId: claim.id, status: In(OPEN_DELIVERY_STATUSES) },
    });
    const changes: Partial<DigestClaim> = open.length
      ? {
          leaseExpiresAt: Math.min(...open.map((delivery) => delivery.nextAttemptAt ?? now)),
        }
      : { status: 'completed', completedAt: now };
    await this.dataSource
      .getRepository(DigestClaim)
      .update({ id: claim.id, holder: this.claims.holder }, changes);
    return Object.assign(claim, changes);
  }

  private async skip(claim: DigestClaim, now: number): Promise<DigestClaim> {
    await this.dataSource
      .getRepository(DigestDelivery)
      .update(
        { claimId: claim.id, status: In(OPEN_DELIVERY_STATUSES) },
        { status: 'skipped', lastResponse: 'nothing to report in the period', updatedAt: now },
      );
    const changes: Partial<DigestClaim> = { status: 'skipped', completedAt: now };
    await this.dataSource.getRepository(DigestClaim).update({ id: claim.id }, changes);
    return Object.assign(claim, changes);
  }

  private policy(): RetryPolicy {
    const { maxAttempts, retryBackoffSeconds, retryBackoffMaxSeconds } = this.settings.digests;
    return {
      maxAttempts,
      backoffSeconds: retryBackoffSeconds,
      backoffMaxSeconds: retryBackoffMaxSeconds,
    };
  }
}
