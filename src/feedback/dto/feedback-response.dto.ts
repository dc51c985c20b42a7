import { ApiProperty } from '@nestjs/swagger';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, Feedback } from '../feedback.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class FeedbackResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'canny-post-4411' })
  externalId!: string | null;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: FEEDBACK_KINDS, example: 'idea' }) kind!: string;
  @ApiProperty({
    example: 'A <b>dark mode</b> for the app, please.',
    description: 'Literal text as sent: never trusted as HTML.',
  })
  text!: string;
  @ApiProperty({ enum: FEEDBACK_STATUSES, example: 'accepted' }) status!: string;
  @ApiProperty({ example: '2026-11-01T09:00:00.000Z' }) submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-02T10:00:00.000Z' })
  acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) shippedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) declinedAt!: string | null;
  @ApiProperty({ example: '2026-11-01T09:00:05.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-02T10:00:00.000Z' }) updatedAt!: string;

  static from(feedback: Feedback): FeedbackResponseDto {
    return responseFields(
      feedback,
      ['id', 'externalId', 'memberId', 'kind', 'text', 'status'],
      ['submittedAt', 'acceptedAt', 'shippedAt', 'declinedAt', 'createdAt', 'updatedAt'],
    );
  }
}

export class FeedbackListDto extends PageOf(FeedbackResponseDto) {}
