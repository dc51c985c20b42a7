import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';
import { LeasedJobsService } from '../database/scheduling/leased-jobs.service';
import { RecomputeService } from './recompute.service';

const JOB = 'value-recompute';
const LEASE_MS = 6 * 3_600_000;

/**
 * The scheduled recompute (value.recomputeCron, UTC). Thin: take the lease for this firing,
 * call the service, log. The lease is named after the scheduled minute and never released
 * early, so several instances firing together recompute once.
 */
@Injectable()
export class ValueScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ValueScheduleService.name);

  constructor(
    private readonly settings: HaloSettings,
    private readonly jobs: LeasedJobsService,
    private readonly recomputes: RecomputeService,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(JOB, this.settings.value.recomputeCron, (at) => this.fire(at));
  }

  /** One firing; public so tests can fire it at a set time without waiting for the clock. */
  fire(at: Date): Promise<'ran' | 'skipped'> {
    return this.jobs.runOnce(JOB, at, { leaseMs: LEASE_MS }, async (slot) => {
      const run = await this.recomputes.recompute({ trigger: 'schedule' });
      this.logger.log({
        scheduled: slot,
        runId: run.id,
        status: run.status,
        durationMs: run.durationMs,
      });
    });
  }
}
