import { Module, OnModuleInit } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { HaloSettings } from '../config/halo-settings';
import { reassigningMover } from '../members/member-merge-moves';
import { MembersModule } from '../members/members.module';
import { MergeMovers } from '../members/merge-movers';
import { TimelineSources } from '../members/timeline-sources';
import { Purchase } from './purchase.entity';
import { purchaseTimelineSource } from './purchase-timeline-source';
import { PurchasesController } from './purchases.controller';
import { PurchasesRepository } from './purchases.repository';
import { PurchasesService } from './purchases.service';
import { TypeOrmModule } from '@nestjs/typeorm';

@Module({
  imports: [TypeOrmModule.forFeature([Purchase]), MembersModule],
  controllers: [PurchasesController],
  providers: [PurchasesRepository, PurchasesService, CurrencyConverter],
  exports: [PurchasesService, PurchasesRepository],
})
export class PurchasesModule implements OnModuleInit {
  constructor(
    private readonly timeline: TimelineSources,
    private readonly merges: MergeMovers,
    private readonly settings: HaloSettings,
  ) {}

  onModuleInit(): void {
    this.timeline.register(purchaseTimelineSource(this.settings));
    this.merges.register(reassigningMover(Purchase, 'memberId', 'member_id', 'purchases'));
  }
}
