import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';
import { DAY_MS } from '../common/dates/iso-date';
import { LeasedJobsService } from '../database/scheduling/leased-jobs.service';
import { systemDraft } from './audit-draft';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditWriter } from './audit-writer.service';

const JOB = 'audit-retention';
const LEASE_MS = 30 * 60_000;

/**
 * Deletes audit entries older than audit.retentionDays (AUDIT_RETENTION_DAYS, 400), once a day
 * across instances (a leased job); a run that deleted something leaves an entry of its own.
 */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRetentionService.name);

  constructor(
    private readonly settings: HaloSettings,
    private readonly jobs: LeasedJobsService,
    private readonly entries: AuditEntriesRepository,
    private readonly writer: AuditWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(JOB, this.settings.audit.purgeCron, (at) => this.fire(at));
  }

  /** One firing; public so tests can fire it without waiting for the clock. */
  fire(at: Date): Promise<'ran' | 'skipped'> {
    return this.jobs.runOnce(JOB, at, { leaseMs: LEASE_MS }, async (slot) => {
      const deleted = await this.purge(at.getTime());
      this.logger.log({ scheduled: slot, deleted });
    });
  }

  /** Deletes what is past retention at `now`; answers how many entries went. */
  async purge(now: number): Promise<number> {
    const cutoff = now - this.settings.audit.retentionDays * DAY_MS;
    const deleted = await this.entries.deleteOlderThan(cutoff);
    if (deleted > 0) {
      await this.writer.record(
        systemDraft('audit.purge', [], {
          deleted,
          retentionDays: this.settings.audit.retentionDays,
        }),
      );
    }
    return deleted;
  }
}
