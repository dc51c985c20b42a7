import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';
import { LeasedJobsService } from '../database/scheduling/leased-jobs.service';
import { IdempotencyService } from './idempotency.service';

const JOB = 'idempotency-purge';
const LEASE_MS = 10 * 60_000;

/** The scheduled purge of expired idempotency records (idempotency.purgeCron, UTC). */
@Injectable()
export class IdempotencyPurgeService implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdempotencyPurgeService.name);

  constructor(
    private readonly settings: HaloSettings,
    private readonly jobs: LeasedJobsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(JOB, this.settings.idempotency.purgeCron, (at) => this.fire(at));
  }

  /** One firing; public so tests can fire it without waiting for the clock. */
  fire(at: Date): Promise<'ran' | 'skipped'> {
    return this.jobs.runOnce(JOB, at, { leaseMs: LEASE_MS }, async (slot) => {
      const purged = await this.idempotency.purgeExpired(at.getTime());
      this.logger.log({ scheduled: slot, purged });
    });
  }
}
