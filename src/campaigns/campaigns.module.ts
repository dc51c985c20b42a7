import { Module } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from './campaign.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign])],
  controllers: [CampaignsController],
  providers: [CampaignsService, CurrencyConverter],
  exports: [CampaignsService],
})
export class CampaignsModule {}
