import { ApiProperty } from '@nestjs/swagger';
import { Review } from '../review.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class ReviewResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'trustpilot-5f2a' }) externalId!:
    string | null;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ example: 'Trail shoes' }) product!: string;
  @ApiProperty({ example: 5 }) rating!: number;
  @ApiProperty({ nullable: true, type: String, example: 'Best shoes I ever had' }) title!:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Comfortable from the first <b>day</b>.',
    description: 'As sent: not escaped, not sanitised.',
  })
  body!: string | null;
  @ApiProperty({ example: 'trustpilot' }) platform!: string;
  @ApiProperty({ nullable: true, type: String, example: 'https://www.trustpilot.com/reviews/5f2a' })
  url!: string | null;
  @ApiProperty({ example: '2026-11-18T08:00:00.000Z' }) publishedAt!: string;
  @ApiProperty({ example: 1200 }) views!: number;
  @ApiProperty({ example: 14 }) helpfulVotes!: number;
  @ApiProperty({ example: true }) verifiedPurchase!: boolean;
  @ApiProperty({
    enum: ['derived', 'given'],
    description: '`derived` from the member’s orders when they name products; else `given`.',
  })
  verifiedPurchaseSource!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;

  static from(review: Review): ReviewResponseDto {
    return responseFields(
      review,
      [
        'id',
        'externalId',
        'memberId',
        'product',
        'rating',
        'title',
        'body',
        'platform',
        'url',
        'views',
        'helpfulVotes',
        'verifiedPurchase',
        'verifiedPurchaseSource',
      ],
      ['publishedAt', 'createdAt', 'updatedAt'],
    );
  }
}

export class ReviewListDto extends PageOf(ReviewResponseDto) {}
