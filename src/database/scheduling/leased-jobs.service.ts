import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { LeaseService } from '../lease.service';

/** The scheduled minute a firing belongs to, in UTC: `2026-11-23T02:00`. */
export function scheduledSlot(at: Date): string {
  return at.toISOString().slice(0, 16);
}

export interface LeasedRunOptions {
  /** How long the lease for one firing is held; it is never released early. */
  leaseMs: number;
  /** The clock the lease is judged by; the current time unless given. */
  now?: number;
}

/**
 * Scheduled work that runs once across instances sharing a database: a cron job (UTC) in Nest's
 * SchedulerRegistry, whose every firing first takes the lease named after the job and the
 * scheduled minute (`digest-tick@2026-11-23T02:00`). ScheduleModule stops the registered jobs
 * when the application shuts down.
 */
@Injectable()
export class LeasedJobsService {
  private readonly logger = new Logger(LeasedJobsService.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly leases: LeaseService,
  ) {}

  /** Registers the job `name` and starts it: fire gets the time of every tick of cronTime. */
  schedule(name: string, cronTime: string, fire: (at: Date) => Promise<unknown>): void {
    const job = CronJob.from({
      cronTime,
      timeZone: 'UTC',
      // A failed firing is logged, never left to crash the process as an unhandled rejection.
      onTick: () =>
        void fire(new Date()).catch((error: unknown) =>
          this.logger.error({ job: name, error: (error as Error).message }),
        ),
    });
    this.registry.addCronJob(name, job);
    job.start();
  }

  /**
   * Runs task when this instance takes the lease `name@slot` for the firing at `at`; 'skipped'
   * when another instance holds it. Several instances firing for the same minute run it once.
   */
  async runOnce(
    name: string,
    at: Date,
    options: LeasedRunOptions,
    task: (slot: string) => Promise<void>,
  ): Promise<'ran' | 'skipped'> {
    const slot = scheduledSlot(at);
    if (!(await this.leases.acquire(`${name}@${slot}`, options.leaseMs, options.now))) {
      this.logger.debug(`${name} for ${slot} runs on another instance`);
      return 'skipped';
    }
    await task(slot);
    return 'ran';
  }
}
