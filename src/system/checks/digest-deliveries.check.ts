import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { ReasonLanguage } from '../../advocates/reasons/reason-language';
import { toIso } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { DeliveryStatus, DigestDelivery } from '../../digests/digest-delivery.entity';
import { SystemCheck, SystemCheckResult, SystemReason } from '../system-check';
import { SystemReasonCode } from '../system-reason-code';
import { systemReasonText } from '../system-reason-text';

const DAY_MS = 86_400_000;
/** /health reports the failures of the last day. */
const FAILURE_HOURS = 24;
const LISTED_FAILURES = 20;
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
    const deliveries = this.dataSource.getRepository(DigestDelivery);
    const windowDays = this.settings.system.recentDays;
    const failedSince = (since: number) => ({
      status: In(FAILED),
      updatedAt: MoreThanOrEqual(since),
    });
    const [failedLast24h, failedInWindow, retrying, recent] = await Promise.all([
      deliveries.countBy(failedSince(now - FAILURE_HOURS * 3_600_000)),
      deliveries.countBy(failedSince(now - windowDays * DAY_MS)),
      deliveries.countBy({ status: 'retrying' }),
      deliveries.find({
        where: failedSince(now - windowDays * DAY_MS),
        order: { updatedAt: 'DESC' },
        take: LISTED_FAILURES,
      }),
    ]);
    const details: DigestDetails = {
      failedLast24h,
      failedInWindow,
      retrying,
      recentFailures: recent.map((delivery) => ({
        id: delivery.id,
        subscriptionId: delivery.subscriptionId,
        recipient: delivery.recipient,
        status: delivery.status,
        attempts: delivery.attempts,
        lastAttemptAt: toIso(delivery.lastAttemptAt),
        lastResponse: delivery.lastResponse,
      })),
      windowDays,
    };
    const reasons: SystemReason[] =
      failedLast24h > 0
        ? [
            {
              code: SystemReasonCode.DIGEST_FAILURES,
              params: { count: failedLast24h, hours: FAILURE_HOURS },
            },
          ]
        : [];
    return { details, reasons };
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }
}
