import { Module } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { PurchasesController } from './purchases.controller';
import { PurchasesRepository } from './purchases.repository';
import { PurchasesService } from './purchases.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Purchase } from './purchase.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Purchase])],
  controllers: [PurchasesController],
  providers: [PurchasesRepository, PurchasesService, CurrencyConverter],
  exports: [PurchasesService, PurchasesRepository],
})
export class PurchasesModule {}
