import { Module } from '@nestjs/common';
import { CurrencyConverter } from '../common/money/currency-converter.service';
import { PurchasesController } from './purchases.controller';
import { PurchasesService } from './purchases.service';

@Module({
  controllers: [PurchasesController],
  providers: [PurchasesService, CurrencyConverter],
  exports: [PurchasesService],
})
export class PurchasesModule {}
