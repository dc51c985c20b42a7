import { Module, OnModuleInit } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { DatabaseCheck } from './checks/database.check';
import { DigestDeliveriesCheck } from './checks/digest-deliveries.check';
import { ImportsCheck } from './checks/imports.check';
import { OutboxCheck } from './checks/outbox.check';
import { RecomputeCheck } from './checks/recompute.check';
import { SystemChecks } from './system-checks';
import { SystemChecksModule } from './system-checks.module';
import { SystemController } from './system.controller';
import { SystemSummaryService } from './system-summary.service';

/**
 * GET /api/v1/system and the summary /health gives. Its own checks read the recompute runs,
 * digest deliveries, outbox folder, imports and database; other modules register theirs.
 */
@Module({
  imports: [SystemChecksModule, ImportsModule],
  controllers: [SystemController],
  providers: [
    SystemSummaryService,
    DatabaseCheck,
    RecomputeCheck,
    DigestDeliveriesCheck,
    OutboxCheck,
    ImportsCheck,
  ],
  exports: [SystemSummaryService],
})
export class SystemModule implements OnModuleInit {
  constructor(
    private readonly checks: SystemChecks,
    private readonly database: DatabaseCheck,
    private readonly recompute: RecomputeCheck,
    private readonly digests: DigestDeliveriesCheck,
    private readonly outbox: OutboxCheck,
    private readonly imports: ImportsCheck,
  ) {}

  onModuleInit(): void {
    for (const check of [this.database, this.recompute, this.digests, this.outbox, this.imports])
      this.checks.register(check);
  }
}
