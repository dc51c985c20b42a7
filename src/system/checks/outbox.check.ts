import { Injectable } from '@nestjs/common';
import { resolve } from 'node:path';
import { ReasonLanguage } from '../../common/language/reason-language';
import { toIso } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { inspectOutbox, retentionCutoff } from '../../digests/mail/outbox-folder';
import { SystemCheck, SystemCheckResult, SystemReason } from '../system-check';
import { SystemReasonCode } from '../system-reason-code';
import { systemReasonText } from '../system-reason-text';

export interface OutboxDetails {
  /** Where digests go: SMTP when SMTP_HOST is set, else .eml files in the outbox folder. */
  transport: 'smtp' | 'outbox';
  folder: string;
  retentionDays: number;
  files: number;
  bytes: number;
  oldestAt: string | null;
  /** Files a day past the retention: the daily job should have deleted them. */
  overdue: number;
}

/**
 * The outbox folder: its size and whether the daily retention job keeps up. A day's grace
 * separates "older than the retention" (tonight's job deletes it) from overdue.
 */
@Injectable()
export class OutboxCheck implements SystemCheck {
  readonly name = 'outbox';

  constructor(private readonly settings: HaloSettings) {}

  run(now: number): Promise<SystemCheckResult> {
    const { outboxDir, outboxRetentionDays, smtp } = this.settings.digests;
    const folder = resolve(outboxDir);
    const contents = inspectOutbox(folder, retentionCutoff(now, outboxRetentionDays + 1));
    const details: OutboxDetails = {
      transport: smtp.host ? 'smtp' : 'outbox',
      folder,
      retentionDays: outboxRetentionDays,
      files: contents.files,
      bytes: contents.bytes,
      oldestAt: toIso(contents.oldestAt),
      overdue: contents.expired,
    };
    const reasons: SystemReason[] =
      contents.expired > 0
        ? [
            {
              code: SystemReasonCode.OUTBOX_RETENTION_OVERDUE,
              params: { count: contents.expired, days: outboxRetentionDays },
            },
          ]
        : [];
    return Promise.resolve({ details, reasons });
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }
}
