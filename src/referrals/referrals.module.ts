import { Module, OnModuleInit } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { HaloSettings } from '../config/halo-settings';
import { MembersModule } from '../members/members.module';
import { MergeMovers } from '../members/merge-movers';
import { TimelineSources } from '../members/timeline-sources';
import { PurchasesModule } from '../purchases/purchases.module';
import { ReferralEvidence } from './evidence/referral-evidence';
import { ReferralEvidenceController } from './evidence/referral-evidence.controller';
import { ReferralChecks } from './referral-checks';
import { ReferralConversionService } from './referral-conversion.service';
import { referralMergeMover } from './referral-merge-mover';
import { referralTimelineSources } from './referral-timeline-sources';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Referral } from './referral.entity';
import { ReferralTreesController } from './trees/referral-trees.controller';
import { ReferralTreesRepository } from './trees/referral-trees.repository';
import { ReferralTreesService } from './trees/referral-trees.service';

@Module({
  imports: [TypeOrmModule.forFeature([Referral]), MembersModule, PurchasesModule],
  // ReferralTreesController first: its `referrals/trees` route must match before `referrals/:id`.
  controllers: [ReferralTreesController, ReferralsController, ReferralEvidenceController],
  providers: [
    ReferralsService,
    ReferralConversionService,
    ReferralChecks,
    ReferralEvidence,
    ReferralsRepository,
    CurrencyConverter,
    ReferralTreesService,
    ReferralTreesRepository,
  ],
  exports: [ReferralsService],
})
export class ReferralsModule implements OnModuleInit {
  constructor(
    private readonly timeline: TimelineSources,
    private readonly merges: MergeMovers,
    private readonly settings: HaloSettings,
  ) {}

  onModuleInit(): void {
    for (const source of referralTimelineSources(this.settings)) this.timeline.register(source);
    this.merges.register(referralMergeMover);
  }
}
