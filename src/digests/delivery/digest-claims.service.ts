import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { isUniqueViolation, readRows } from '../../database/sql';
import { LeaseService } from '../../database/lease.service';
import { ClaimTrigger, DigestClaim, SCHEDULED_SLOT } from '../digest-claim.entity';
import { DigestDelivery } from '../digest-delivery.entity';
import { DigestSubscription } from '../digest-subscription.entity';
import { digestMessageId, senderDomain } from '../mail/message-id';
import { DigestPeriod } from '../schedule/digest-schedule';

/**
 * Claims are what make a period go out once: a unique (subscription, period start, slot) row,
 * inserted before anything is sent. Every write here is a single statement, so that two
 * instances on one SQLite file never hold a transaction open against each other.
 */
@Injectable()
export class DigestClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
    private readonly leases: LeaseService,
  ) {}

  get holder(): string {
    return this.leases.holder;
  }

  get leaseMs(): number {
    return this.settings.digests.leaseMinutes * 60_000;
  }

  /** Claims the period for this instance, or returns null when it was claimed already. */
  async claim(
    subscription: DigestSubscription,
    period: DigestPeriod,
    options: { trigger: ClaimTrigger; force: boolean; now: number },
  ): Promise<DigestClaim | null> {
    const claim = Object.assign(new DigestClaim(), {
      id: randomUUID(),
      subscriptionId: subscription.id,
      periodStart: period.start,
      periodEnd: period.end,
      slot: options.force ? `forced:${randomUUID().slice(0, 8)}` : SCHEDULED_SLOT,
      trigger: options.trigger,
      status: 'open',
      holder: this.holder,
      leaseExpiresAt: options.now + this.leaseMs,
      subject: null,
      html: null,
      text: null,
      valuesAsOf: null,
      createdAt: options.now,
      completedAt: null,
    });
    try {
      await this.dataSource.getRepository(DigestClaim).insert(claim);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    await this.ensureDeliveries(claim, subscription, options.now);
    return claim;
  }

  /** One delivery per recipient; idempotent, so a claim taken over after a crash completes it. */
  async ensureDeliveries(
    claim: DigestClaim,
    subscription: DigestSubscription,
    now: number,
  ): Promise<void> {
    const domain = senderDomain(this.settings.digests.smtp.from);
    const rows = subscription.recipientList().map((recipient) => ({
      id: randomUUID(),
      claimId: claim.id,
      subscriptionId: claim.subscriptionId,
      recipient,
      periodStart: claim.periodStart,
      periodEnd: claim.periodEnd,
      messageId: digestMessageId({ ...claim, recipient, domain }),
      status: 'pending' as const,
      attempts: 0,
      lastAttemptAt: null,
      nextAttemptAt: null,
      lastResponse: null,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
    }));
    if (rows.length === 0) return;
    await this.dataSource
      .getRepository(DigestDelivery)
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orIgnore()
      .execute();
  }

  /** Takes an open claim whose lease has run out (a crash, or a retry that is due). */
  async take(claimId: string, now: number): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DigestClaim)
      .createQueryBuilder()
      .update()
      .set({ holder: this.holder, leaseExpiresAt: now + this.leaseMs })
      .where("id = :claimId AND status = 'open' AND lease_expires_at <= :now", { claimId, now })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Extends this instance's lease before each send; false when another instance took over. */
  async renew(claimId: string, now: number): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DigestClaim)
      .createQueryBuilder()
      .update()
      .set({ leaseExpiresAt: now + this.leaseMs })
      .where("id = :claimId AND status = 'open' AND holder = :holder", {
        claimId,
        holder: this.holder,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Open claims nobody holds: stale after a crash, or waiting for a retry that is now due. */
  async due(now: number, limit = 100): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(DigestClaim)
      .createQueryBuilder('claim')
      .select('claim.id', 'id')
      .where("claim.status = 'open' AND claim.lease_expires_at <= :now", { now })
      .orderBy('claim.lease_expires_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** The end of the latest scheduled period claimed, per subscription. */
  async latestScheduledEnds(subscriptionIds: string[]): Promise<Map<string, number>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(DigestClaim)
      .createQueryBuilder('claim')
      .select('claim.subscription_id', 'subscriptionId')
      .addSelect('MAX(claim.period_end)', 'end')
      .where({ subscriptionId: In(subscriptionIds), slot: SCHEDULED_SLOT })
      .groupBy('claim.subscription_id')
      .getRawMany<Record<string, unknown>>();
    return new Map(readRows(rows).map((row) => [row.string('subscriptionId'), row.instant('end')]));
  }

  findScheduled(subscriptionId: string, periodStart: number): Promise<DigestClaim | null> {
    return this.dataSource
      .getRepository(DigestClaim)
      .findOneBy({ subscriptionId, periodStart, slot: SCHEDULED_SLOT });
  }
}
