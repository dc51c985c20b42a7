import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CronJob } from 'cron';
import { HaloSettings } from '../config/halo-settings';
import { LeaseService } from '../database/lease.service';
import { DigestRunnerService } from './delivery/digest-runner.service';

/**
 * The digest tick (digests.tickCron, every minute by default). Thin: take the lease for this
 * firing, call the runner, log. Claims keep a period from going out twice even when two
 * instances tick at once; the lease only saves the second one the work.
 */
@Injectable()
export class DigestSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestSchedulerService.name);
  private job?: CronJob;
  private running = false;

  constructor(
    private readonly settings: HaloSettings,
    private readonly leases: LeaseService,
    private readonly runner: DigestRunnerService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.digests.scheduler) return;
    this.job = CronJob.from({
      cronTime: this.settings.digests.tickCron,
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
    if (this.running) {
      this.logger.warn(`digest tick ${slot} skipped: the previous tick is still running`);
      return 'skipped';
    }
    const leaseMs = this.settings.digests.leaseMinutes * 60_000;
    if (!(await this.leases.acquire(`digest-tick@${slot}`, leaseMs, at.getTime())))
      return 'skipped';
    this.running = true;
    try {
      const summary = await this.runner.tick(at.getTime());
      if (summary.claimed || summary.resumed) this.logger.log({ tick: slot, ...summary });
      return 'ran';
    } catch (error) {
      this.logger.error({ tick: slot, error: (error as Error).message });
      return 'ran';
    } finally {
      this.running = false;
    }
  }
}
