import { Module } from '@nestjs/common';
import { LeaseService } from '../database/lease.service';
import { AcquisitionMetricsController } from './acquisition/acquisition-metrics.controller';
import { AcquisitionMetricsService } from './acquisition/acquisition-metrics.service';
import { RecomputeService } from './recompute.service';
import { ValueScheduleService } from './value-schedule.service';
import { ValueController } from './value.controller';
import { ValueQueryService } from './value-query.service';
import { ModelValidationController } from './validation/model-validation.controller';
import { ModelValidationService } from './validation/model-validation.service';

@Module({
  controllers: [ValueController, ModelValidationController, AcquisitionMetricsController],
  providers: [
    RecomputeService,
    ValueQueryService,
    LeaseService,
    ValueScheduleService,
    ModelValidationService,
    AcquisitionMetricsService,
  ],
  exports: [RecomputeService, ValueQueryService],
})
export class ValueModule {}
