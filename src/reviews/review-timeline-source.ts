import { TimelineSource } from '../members/timeline-sources';
import { ReviewResponseDto } from './dto/review-response.dto';
import { Review } from './review.entity';

/** Reviews on a member's timeline. */
export const reviewTimelineSource: TimelineSource<Review> = {
  type: 'review',
  entity: Review,
  alias: 'review',
  memberColumn: 'review.member_id',
  occurredColumn: 'review.published_at',
  occurredAt: (review) => review.publishedAt,
  describe: async (reviews, _manager, words) =>
    reviews.map((review) => ({
      summary: words.review(review.product, review.platform, review.rating),
      record: ReviewResponseDto.from(review),
    })),
};
