import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeasedJobsModule } from '../database/scheduling/leased-jobs.module';
import { AuditCaptureInterceptor } from './audit-capture.interceptor';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditEntryRecord } from './audit-entry-record.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogService } from './audit-log.service';
import { AuditRetentionService } from './audit-retention.service';
import { AuditWriter } from './audit-writer.service';
import { AuditController } from './audit.controller';

/**
 * The audit log. auditTrail (mounted by configure-app) watches requests and hands their entries
 * to the writer after the answer; auth and the dashboard say who acts through the request's
 * audit notes (common/http/audit-context), so neither imports this module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AuditEntryRecord]), LeasedJobsModule],
  controllers: [AuditController],
  providers: [
    AuditEntriesRepository,
    AuditLogService,
    AuditRetentionService,
    AuditWriter,
    { provide: APP_INTERCEPTOR, useClass: AuditCaptureInterceptor },
  ],
  exports: [AuditWriter],
})
export class AuditModule {}
