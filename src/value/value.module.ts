import { Module } from '@nestjs/common';
import { LeaseService } from '../database/lease.service';
import { RecomputeService } from './recompute.service';
import { ValueScheduleService } from './value-schedule.service';
import { ValueController } from './value.controller';
import { ValueQueryService } from './value-query.service';

@Module({
  controllers: [ValueController],
  providers: [RecomputeService, ValueQueryService, LeaseService, ValueScheduleService],
  exports: [RecomputeService, ValueQueryService],
})
export class ValueModule {}
