import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CronJob } from 'cron';
import { HaloSettings } from '../config/halo-settings';
import { LeaseService } from '../database/lease.service';
import { RecomputeService } from './recompute.service';

const LEASE_MS = 6 * 3_600_000;

/**
 * The scheduled recompute (value.recomputeCron, UTC). Thin: take the lease for this firing,
 * call the service, log. The lease is named after the scheduled minute and never released
 * early, so several instances firing together recompute once.
 */
@Injectable()
export class ValueScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ValueScheduleService.name);
  private job?: CronJob;

  constructor(
    private readonly settings: HaloSettings,
    private readonly leases: LeaseService,
    private readonly recomputes: RecomputeService,
  ) {}

  onApplicationBootstrap(): void {
    this.job = CronJob.from({
      cronTime: this.settings.value.recomputeCron,
      timeZone: 'UTC',
      onTick: () => void this.fire(new Date()),
      start: true,
    });
  }

  onApplicationShutdown(): void {
    void this.job?.stop();
  }

  /** One firing; public so tests can fire it at a set time without waiting for the clock. */
  async fire(at: Date): Promise<'ran' | 'skipped'> {
    const slot = at.toISOString().slice(0, 16);
    if (!(await this.leases.acquire(`value-recompute@${slot}`, LEASE_MS))) {
      this.logger.log(`recompute for ${slot} runs on another instance`);
      return 'skipped';
    }
    const run = await this.recomputes.recompute({ trigger: 'schedule' });
    this.logger.log({
      scheduled: slot,
      runId: run.id,
      status: run.status,
      durationMs: run.durationMs,
    });
    return 'ran';
  }
}
