import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { ReasonLanguage } from '../../common/language/reason-language';
import { toIso } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { DeliveryStatus, DigestDelivery } from '../../digests/digest-delivery.entity';
import { SystemCheck, SystemCheckResult, SystemReason } from '../system-check';
import { SystemReasonCode } from '../system-reason-code';
import { deliveryFailures, failureReasons } from '../delivery-failures';
import { systemReasonText } from '../system-reason-text';

const FAILED: DeliveryStatus[] = ['failed', 'failed-permanent'];

export interface DeliveryFailure {
  id: string;
  subscriptionId: string;
  recipient: string;
  status: string;
  attempts: number;
  lastAttemptAt: string | null;
  lastResponse: string | null;
}

export interface DigestDetails {
  /** Deliveries that gave up (failed, failed-permanent) in the last 24 hours. */
  failedLast24h: number;
  /** The same over the recent window. */
  failedInWindow: number;
  /** Deliveries waiting for another attempt after a temporary failure. */
  retrying: number;
  /** The window's failures, newest first (at most 20). */
  recentFailures: DeliveryFailure[];
  windowDays: number;
}

/** Digest deliveries that failed, recent and counted; a failure in the last day degrades health. */
@Injectable()
export class DigestDeliveriesCheck implements SystemCheck {
  readonly name = 'digests';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async run(now: number): Promise<SystemCheckResult> {
    const { recent, ...counts } = await deliveryFailures(
      this.dataSource.getRepository(DigestDelivery),
      {
        failedSince: (since) => ({ status: In(FAILED), updatedAt: MoreThanOrEqual(since) }),
        retrying: { status: 'retrying' },
        newestFirst: { updatedAt: 'DESC' },
      },
      now,
      this.settings.system.recentDays,
    );
    const details: DigestDetails = {
      ...counts,
      recentFailures: recent.map((delivery) => ({
        id: delivery.id,
        subscriptionId: delivery.subscriptionId,
        recipient: delivery.recipient,
        status: delivery.status,
        attempts: delivery.attempts,
        lastAttemptAt: toIso(delivery.lastAttemptAt),
        lastResponse: delivery.lastResponse,
      })),
    };
    return {
      details,
      reasons: failureReasons(SystemReasonCode.DIGEST_FAILURES, counts.failedLast24h),
    };
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }
}
