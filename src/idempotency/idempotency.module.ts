import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeasedJobsModule } from '../database/scheduling/leased-jobs.module';
import { IdempotencyPurgeService } from './idempotency-purge.service';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IdempotencyRecordsRepository } from './idempotency-records.repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';

@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyRecord]), LeasedJobsModule],
  providers: [
    IdempotencyRecordsRepository,
    IdempotencyService,
    IdempotencyPurgeService,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
