import { Module } from '@nestjs/common';
import { RecomputeService } from './recompute.service';
import { ValueController } from './value.controller';
import { ValueQueryService } from './value-query.service';

@Module({
  controllers: [ValueController],
  providers: [RecomputeService, ValueQueryService],
  exports: [RecomputeService, ValueQueryService],
})
export class ValueModule {}
