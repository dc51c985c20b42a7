import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AdvocatesModule } from './advocates/advocates.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { HaloValidationPipe } from './common/validation/halo-validation.pipe';
import { HaloConfigModule } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { DigestsModule } from './digests/digests.module';
import { EventsModule } from './events/events.module';
import { FeedbackModule } from './feedback/feedback.module';
import { HealthModule } from './health/health.module';
import { ImportRegistryModule } from './imports/import-registry.module';
import { ImportsModule } from './imports/imports.module';
import { MembersModule } from './members/members.module';
import { MentionsModule } from './mentions/mentions.module';
import { PrivacyModule } from './privacy/privacy.module';
import { PurchasesModule } from './purchases/purchases.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ValueModule } from './value/value.module';
import { SystemModule } from './system/system.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    HaloConfigModule,
    DatabaseModule,
    ImportRegistryModule,
    ImportsModule,
    AuthModule,
    IdempotencyModule,
    HealthModule,
    MembersModule,
    PrivacyModule,
    PurchasesModule,
    ReferralsModule,
    CampaignsModule,
    ReviewsModule,
    MentionsModule,
    EventsModule,
    FeedbackModule,
    ValueModule,
    AdvocatesModule,
    DashboardModule,
    DigestsModule,
    SystemModule,
    WebhooksModule,
    AuditModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: HaloValidationPipe },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
  ],
})
export class AppModule {}
