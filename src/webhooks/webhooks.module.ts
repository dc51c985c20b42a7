import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { AppSecretsService } from '../database/app-secrets.service';
import { LeasedJobsModule } from '../database/scheduling/leased-jobs.module';
import { MembersModule } from '../members/members.module';
import { PurchasesModule } from '../purchases/purchases.module';
import { RecomputeService } from '../value/recompute.service';
import { SystemChecks } from '../system/system-checks';
import { ValueModule } from '../value/value.module';
import { GenericRecordsWriter } from './inbound/generic-records.writer';
import { InboundWebhooksController } from './inbound/inbound-webhooks.controller';
import { InboundWebhooksService } from './inbound/inbound-webhooks.service';
import { ShopRecordsWriter } from './inbound/shop-records.writer';
import { RunEventsFinder } from './outbound/run-events.finder';
import { WebhookDeliveriesCheck } from './outbound/webhook-deliveries.check';
import { WebhookDeliveriesController } from './outbound/webhook-deliveries.controller';
import { WebhookDeliveriesService } from './outbound/webhook-deliveries.service';
import { WebhookDeliveryScheduler } from './outbound/webhook-delivery-scheduler.service';
import { WebhookDispatcher } from './outbound/webhook-dispatcher.service';
import { WebhookSubscriptionsController } from './outbound/webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './outbound/webhook-subscriptions.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSecretBox } from './webhook-secret-box';
import { WebhookSource } from './webhook-source.entity';
import { WebhookSourcesController } from './webhook-sources.controller';
import { WebhookSourcesService } from './webhook-sources.service';
import { WebhookSubscription } from './webhook-subscription.entity';

/**
 * Data flowing in and out: inbound sources (Shopify, WooCommerce, Halo's generic signed
 * format) written through the members', purchases' and importers' own services; outbound
 * subscriptions whose events are queued when a recompute completes and sent with retries.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([WebhookSource, WebhookSubscription, WebhookDelivery]),
    AuthModule,
    LeasedJobsModule,
    MembersModule,
    PurchasesModule,
    ValueModule,
  ],
  controllers: [
    WebhookSourcesController,
    InboundWebhooksController,
    WebhookSubscriptionsController,
    WebhookDeliveriesController,
  ],
  providers: [
    AppSecretsService,
    WebhookSecretBox,
    WebhookSourcesService,
    ShopRecordsWriter,
    GenericRecordsWriter,
    InboundWebhooksService,
    WebhookSubscriptionsService,
    RunEventsFinder,
    WebhookDeliveriesService,
    WebhookDispatcher,
    WebhookDeliveryScheduler,
    WebhookDeliveriesCheck,
  ],
})
export class WebhooksModule implements OnModuleInit {
  private readonly logger = new Logger(WebhooksModule.name);

  constructor(
    private readonly recompute: RecomputeService,
    private readonly deliveries: WebhookDeliveriesService,
    private readonly dispatcher: WebhookDispatcher,
    private readonly systemChecks: SystemChecks,
    private readonly deliveriesCheck: WebhookDeliveriesCheck,
  ) {}

  onModuleInit(): void {
    // The System page and /health hear of failed deliveries through the shared registry.
    this.systemChecks.register(this.deliveriesCheck);
    // Queued in the run's completion (so a caller sees them once it answers), sent afterwards.
    this.recompute.onRunCompleted(async (run) => {
      const queued = await this.deliveries.enqueue(run);
      for (const id of queued)
        void this.dispatcher
          .attempt(id)
          .catch((error: unknown) =>
            this.logger.error({ webhookDelivery: id, error: String(error) }),
          );
    });
  }
}
