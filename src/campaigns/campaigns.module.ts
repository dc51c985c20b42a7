import { Module } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  controllers: [CampaignsController],
  providers: [CampaignsService, CurrencyConverter],
  exports: [CampaignsService],
})
export class CampaignsModule {}
