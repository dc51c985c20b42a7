import { Module } from '@nestjs/common';
import { ProductValueController } from './product-value.controller';
import { ProductValueService } from './product-value.service';

/** GET /metrics/products: long-term value by the product of the first order. */
@Module({
  controllers: [ProductValueController],
  providers: [ProductValueService],
})
export class ProductValueModule {}
