import { Module, OnModuleInit } from '@nestjs/common';
import { LeasedJobsModule } from '../database/scheduling/leased-jobs.module';
import { MembersModule } from '../members/members.module';
import { MembersService } from '../members/members.service';
import { MergeMovers } from '../members/merge-movers';
import { AcquisitionMetricsController } from './acquisition/acquisition-metrics.controller';
import { AcquisitionMetricsService } from './acquisition/acquisition-metrics.service';
import { RecomputeService } from './recompute.service';
import { RecomputeHelperService } from './chunks/recompute-helper.service';
import { ValueScheduleService } from './value-schedule.service';
import { ValueController } from './value.controller';
import { ValueQueryService } from './value-query.service';
import { valueSnapshotMergeMover } from './value-snapshot-merge-mover';
import { purgeObjectorSnapshots } from './objector-snapshot-purge';
import { ModelValidationController } from './validation/model-validation.controller';
import { ModelValidationService } from './validation/model-validation.service';
import { ProductValueModule } from './products/product-value.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ValueRun } from './value-run.entity';
import { ValueSnapshot } from './value-snapshot.entity';
import { ValueRunChunk, ValueRunPlan } from './chunks/value-run-chunk.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([ValueRun, ValueSnapshot, ValueRunChunk, ValueRunPlan]),
    LeasedJobsModule,
    MembersModule,
    ProductValueModule,
  ],
  controllers: [ValueController, ModelValidationController, AcquisitionMetricsController],
  providers: [
    RecomputeService,
    RecomputeHelperService,
    ValueQueryService,
    ValueScheduleService,
    ModelValidationService,
    AcquisitionMetricsService,
  ],
  exports: [RecomputeService, ValueQueryService],
})
export class ValueModule implements OnModuleInit {
  constructor(
    private readonly merges: MergeMovers,
    private readonly members: MembersService,
  ) {}

  onModuleInit(): void {
    this.merges.register(valueSnapshotMergeMover);
    // An objection to profiling deletes the member's snapshots in its own transaction.
    this.members.onProfilingObjection(purgeObjectorSnapshots);
  }
}
