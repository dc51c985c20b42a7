import { Module } from '@nestjs/common';
import { AdvocatesModule } from '../advocates/advocates.module';
import { LeasedJobsModule } from '../database/scheduling/leased-jobs.module';
import { AdvocateSectionsLoader } from './content/advocate-sections.loader';
import { CommunityMeasuresLoader } from './content/community-measures.loader';
import { DigestContentLoader } from './content/digest-content.loader';
import { DigestClaimsService } from './delivery/digest-claims.service';
import { DigestDispatcherService } from './delivery/digest-dispatcher.service';
import { DigestRendererService } from './delivery/digest-renderer.service';
import { DigestRunnerService } from './delivery/digest-runner.service';
import { ErasureParticipantsModule } from '../privacy/erasure-participants.module';
import { DigestErasureParticipant } from './digest-erasure.participant';
import { DigestDeliveriesController } from './digest-deliveries.controller';
import { DigestDeliveriesService } from './digest-deliveries.service';
import { DigestSchedulerService } from './digest-scheduler.service';
import { DigestSubscriptionsController } from './digest-subscriptions.controller';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { mailTransportProvider } from './mail/mail-transport.provider';
import { OutboxRetentionService } from './outbox-retention.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DigestClaim } from './digest-claim.entity';
import { DigestDelivery } from './digest-delivery.entity';
import { DigestSubscription } from './digest-subscription.entity';
import { AppSecretsService } from '../database/app-secrets.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-tokens';

@Module({
  imports: [
    TypeOrmModule.forFeature([DigestClaim, DigestDelivery, DigestSubscription]),
    AdvocatesModule,
    LeasedJobsModule,
    ErasureParticipantsModule,
  ],
  controllers: [DigestSubscriptionsController, DigestDeliveriesController, UnsubscribeController],
  providers: [
    mailTransportProvider,
    DigestSubscriptionsService,
    DigestDeliveriesService,
    AdvocateSectionsLoader,
    CommunityMeasuresLoader,
    DigestContentLoader,
    DigestRendererService,
    DigestClaimsService,
    DigestDispatcherService,
    DigestRunnerService,
    DigestSchedulerService,
    AppSecretsService,
    UnsubscribeTokens,
    UnsubscribeService,
    OutboxRetentionService,
    DigestErasureParticipant,
  ],
  exports: [DigestRunnerService, DigestSubscriptionsService],
})
export class DigestsModule {}
