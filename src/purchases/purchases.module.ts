import { Module } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { PurchasesController } from './purchases.controller';
import { PurchasesRepository } from './purchases.repository';
import { PurchasesService } from './purchases.service';

@Module({
  controllers: [PurchasesController],
  providers: [PurchasesRepository, PurchasesService, CurrencyConverter],
  exports: [PurchasesService, PurchasesRepository],
})
export class PurchasesModule {}
