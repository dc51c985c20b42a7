import { Module, OnModuleInit } from '@nestjs/common';
import { ImportRegistry } from '../imports/import-registry';
import { PurchasesModule } from '../purchases/purchases.module';
import { PurchasesService } from '../purchases/purchases.service';
import { CreateReviewDto } from './dto/create-review.dto';
import { reverifyReviews } from './review-verification';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Review } from './review.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Review]), PurchasesModule],
  controllers: [ReviewsController],
  providers: [ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly purchases: PurchasesService,
    private readonly imports: ImportRegistry,
  ) {}

  onModuleInit(): void {
    this.purchases.onPurchaseRecorded(reverifyReviews);
    this.imports.register({
      type: 'reviews',
      dto: CreateReviewDto,
      write: async (manager, row) => (await this.reviews.write(row, manager)).outcome,
    });
  }
}
