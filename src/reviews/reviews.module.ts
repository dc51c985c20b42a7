import { Module, OnModuleInit } from '@nestjs/common';
import { ImportRegistry } from '../imports/import-registry';
import { reassigningMover } from '../members/member-merge-moves';
import { MembersModule } from '../members/members.module';
import { MergeMovers } from '../members/merge-movers';
import { TimelineSources } from '../members/timeline-sources';
import { PurchasesModule } from '../purchases/purchases.module';
import { PurchasesService } from '../purchases/purchases.service';
import { CreateReviewDto } from './dto/create-review.dto';
import { Review } from './review.entity';
import { reviewTimelineSource } from './review-timeline-source';
import { reverifyReviews } from './review-verification';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { TypeOrmModule } from '@nestjs/typeorm';

@Module({
  imports: [TypeOrmModule.forFeature([Review]), MembersModule, PurchasesModule],
  controllers: [ReviewsController],
  providers: [ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly purchases: PurchasesService,
    private readonly imports: ImportRegistry,
    private readonly timeline: TimelineSources,
    private readonly merges: MergeMovers,
  ) {}

  onModuleInit(): void {
    this.purchases.onPurchaseRecorded(reverifyReviews);
    this.timeline.register(reviewTimelineSource);
    this.merges.register(reassigningMover(Review, 'memberId', 'member_id', 'reviews'));
    this.imports.register({
      type: 'reviews',
      dto: CreateReviewDto,
      write: async (manager, row) => (await this.reviews.write(row, manager)).outcome,
    });
  }
}
