import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HaloSettings } from '../../config/halo-settings';
import { LeasedJobsService } from '../../database/scheduling/leased-jobs.service';
import { WebhookDispatcher } from './webhook-dispatcher.service';

const JOB = 'webhook-deliveries';

/**
 * Sends due retries on webhooks.deliveryCron. Thin: the lease for the firing, the dispatcher,
 * a log line. Each delivery's own lease keeps a second instance from sending it twice.
 */
@Injectable()
export class WebhookDeliveryScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryScheduler.name);

  constructor(
    private readonly settings: HaloSettings,
    private readonly jobs: LeasedJobsService,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.webhooks.scheduler) return;
    this.jobs.schedule(JOB, this.settings.webhooks.deliveryCron, (at) => this.fire(at));
  }

  fire(at: Date): Promise<'ran' | 'skipped'> {
    const leaseMs = 50_000;
    return this.jobs.runOnce(JOB, at, { leaseMs, now: at.getTime() }, async (slot) => {
      const attempted = await this.dispatcher.deliverDue(at.getTime());
      if (attempted) this.logger.log({ tick: slot, webhookDeliveries: attempted });
    });
  }
}
