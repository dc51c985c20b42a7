import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HaloSettings } from './config/halo-settings';
import { dataSourceOptions } from './database/data-source-options';
import { EventsModule } from './events/events.module';
import { FeedbackModule } from './feedback/feedback.module';
import { MembersModule } from './members/members.module';
import { MentionsModule } from './mentions/mentions.module';
import { PurchasesModule } from './purchases/purchases.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ImportPipelineModule } from './imports/import-pipeline.module';
import { ImportRegistryModule } from './imports/import-registry.module';
import { withoutControllers } from './imports/worker/without-controllers';

/**
 * The modules that register an importer or a listener the importers' services call (members
 * created link waiting referrals and attendance, purchases convert referrals and reverify
 * reviews, identities link mentions): a row imported in a worker runs the same rules as on
 * the main thread.
 */
export const IMPORTING_MODULES: Type[] = [
  ImportPipelineModule,
  MembersModule,
  PurchasesModule,
  ReferralsModule,
  ReviewsModule,
  MentionsModule,
  EventsModule,
  FeedbackModule,
];

/**
 * The import worker's application context: the main app's settings as given, its own
 * connection (the main app has brought the schema up to date), the import registry and the
 * importing modules without their controllers. Nothing scheduled, no HTTP, no dashboard:
 * nothing that would run a second time beside the main app.
 */
@Module({})
export class ImportWorkerModule {
  static forSettings(settings: HaloSettings): DynamicModule {
    return {
      module: ImportWorkerModule,
      global: true,
      imports: [
        // A worker that cannot connect fails its import at once rather than retrying for long.
        TypeOrmModule.forRoot({ ...dataSourceOptions(settings), retryAttempts: 0 }),
        ImportRegistryModule,
        ...IMPORTING_MODULES.map(withoutControllers),
      ],
      providers: [{ provide: HaloSettings, useValue: settings }],
      exports: [HaloSettings],
    };
  }
}
