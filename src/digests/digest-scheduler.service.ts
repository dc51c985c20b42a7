import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';
import { LeasedJobsService, scheduledSlot } from '../database/scheduling/leased-jobs.service';
import { DigestRunnerService } from './delivery/digest-runner.service';

const JOB = 'digest-tick';

/**
 * The digest tick (digests.tickCron, every minute by default). Thin: take the lease for this
 * firing, call the runner, log. Claims keep a period from going out twice even when two
 * instances tick at once; the lease only saves the second one the work.
 */
@Injectable()
export class DigestSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestSchedulerService.name);
  private running = false;

  constructor(
    private readonly settings: HaloSettings,
    private readonly jobs: LeasedJobsService,
    private readonly runner: DigestRunnerService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.digests.scheduler) return;
    this.jobs.schedule(JOB, this.settings.digests.tickCron, (at) => this.fire(at));
  }

  /** One firing; public so tests can fire it at a set time without waiting for the clock. */
  async fire(at: Date): Promise<'ran' | 'skipped'> {
    if (this.running) {
      this.logger.warn(
        `digest tick ${scheduledSlot(at)} skipped: the previous tick is still running`,
      );
      return 'skipped';
    }
    const leaseMs = this.settings.digests.leaseMinutes * 60_000;
    // The lease is judged by the firing's clock, so that a tick fired for a set time (tests,
    // catch-up) takes the lease as it stood then.
    return this.jobs.runOnce(JOB, at, { leaseMs, now: at.getTime() }, async (slot) => {
      this.running = true;
      try {
        const summary = await this.runner.tick(at.getTime());
        if (summary.claimed || summary.resumed) this.logger.log({ tick: slot, ...summary });
      } catch (error) {
        this.logger.error({ tick: slot, error: (error as Error).message });
      } finally {
        this.running = false;
      }
    });
  }
}
