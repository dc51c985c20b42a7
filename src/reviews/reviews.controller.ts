import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { CreateReviewDto } from './dto/create-review.dto';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { ReviewListDto, ReviewResponseDto } from './dto/review-response.dto';
import { UpdateReviewDto } from './dto/update-review.dto';
import { Review } from './review.entity';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/v1/reviews')
export class ReviewsController extends RecordRoutes({
  service: ReviewsService,
  response: ReviewResponseDto,
  create: {
    body: CreateReviewDto,
    summary:
      'Record a review (201). The same externalId or (platform, normalised url) again: 200 unchanged, or 200 with its counters or verified flag updated; other content is 409.',
    existing: 'Already stored: unchanged or updated.',
  },
  list: {
    type: ReviewListDto,
    query: ListReviewsQuery,
    summary:
      'List reviews, newest first: filter by member, product, platform, minimum rating, publishedAt range.',
  },
  update: {
    body: UpdateReviewDto,
    summary: 'Edit rating, title, body or counters; fields left out keep their values.',
  },
  remove: { summary: 'Delete a review.' },
}) {
  protected async write(body: CreateReviewDto): Promise<Written<Review>> {
    const { review, outcome } = await this.service.write(body);
    return { record: review, outcome };
  }

  protected toResponses(reviews: Review[]): ReviewResponseDto[] {
    return reviews.map((review) => ReviewResponseDto.from(review));
  }
}
