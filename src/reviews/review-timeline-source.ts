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
  describe: async (reviews) =>
    reviews.map((review) => ({
      summary: `Reviewed ${review.product} on ${review.platform}: ${review.rating}/5`,
      record: ReviewResponseDto.from(review),
    })),
};
