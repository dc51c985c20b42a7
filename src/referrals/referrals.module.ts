import { Module } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { MembersModule } from '../members/members.module';
import { PurchasesModule } from '../purchases/purchases.module';
import { ReferralChecks } from './referral-checks';
import { ReferralConversionService } from './referral-conversion.service';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Referral } from './referral.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Referral]), MembersModule, PurchasesModule],
  controllers: [ReferralsController],
  providers: [
    ReferralsService,
    ReferralConversionService,
    ReferralChecks,
    ReferralsRepository,
    CurrencyConverter,
  ],
  exports: [ReferralsService],
})
export class ReferralsModule {}
