import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { resolve } from 'node:path';
import { HaloSettings } from '../config/halo-settings';
import { LeasedJobsService } from '../database/scheduling/leased-jobs.service';
import { purgeOutbox, retentionCutoff } from './mail/outbox-folder';

const JOB = 'digest-outbox-retention';
const LEASE_MS = 60 * 60_000;

/**
 * The daily deletion of outbox .eml files older than digests.outboxRetentionDays
 * (DIGEST_OUTBOX_RETENTION_DAYS), once across instances: thin, take the lease, purge, log.
 * It runs whichever transport is configured, so files left from a demo period expire too.
 */
@Injectable()
export class OutboxRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxRetentionService.name);

  constructor(
    private readonly settings: HaloSettings,
    private readonly jobs: LeasedJobsService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(JOB, this.settings.digests.outboxRetentionCron, (at) => this.fire(at));
  }

  /** One firing; public so tests can fire it at a set time without waiting for the clock. */
  fire(at: Date): Promise<'ran' | 'skipped'> {
    return this.jobs.runOnce(JOB, at, { leaseMs: LEASE_MS }, (slot) => {
      const { outboxDir, outboxRetentionDays } = this.settings.digests;
      const cutoff = retentionCutoff(at.getTime(), outboxRetentionDays);
      const { deleted, kept } = purgeOutbox(resolve(outboxDir), cutoff);
      this.logger.log({ scheduled: slot, deleted, kept, retentionDays: outboxRetentionDays });
      return Promise.resolve();
    });
  }
}
