import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  OmitType,
  getSchemaPath,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { AttendanceResponseDto } from '../../events/dto/attendance-response.dto';
import { FeedbackResponseDto } from '../../feedback/dto/feedback-response.dto';
import { MentionResponseDto } from '../../mentions/dto/mention-response.dto';
import { PurchaseResponseDto } from '../../purchases/dto/purchase-response.dto';
import { ReferralResponseDto } from '../../referrals/dto/referral-response.dto';
import { ReviewResponseDto } from '../../reviews/dto/review-response.dto';

export const TIMELINE_TYPES = [
  'purchase',
  'referral_made',
  'referral_received',
  'review',
  'mention',
  'attendance',
  'feedback',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export type TimelineRecord =
  | PurchaseResponseDto
  | ReferralResponseDto
  | ReviewResponseDto
  | MentionResponseDto
  | AttendanceResponseDto
  | FeedbackResponseDto;

/** `type=purchase,review` and `type=purchase&type=review` both give a list. */
const commaList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '');

export class TimelineQuery extends OmitType(PageQueryDto, ['order'] as const) {
  @ApiPropertyOptional({
    description: 'Only these types, as a comma list; all types when left out.',
    example: 'purchase,review',
    type: String,
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(TIMELINE_TYPES.length)
  @IsIn(TIMELINE_TYPES, {
    each: true,
    message: `must be a comma list of ${TIMELINE_TYPES.join(', ')}`,
  })
  type?: TimelineType[];
}

@ApiExtraModels(
  PurchaseResponseDto,
  ReferralResponseDto,
  ReviewResponseDto,
  MentionResponseDto,
  AttendanceResponseDto,
  FeedbackResponseDto,
)
export class TimelineItemDto {
  @ApiProperty({ enum: TIMELINE_TYPES, example: 'purchase' }) type!: TimelineType;
  @ApiProperty({ format: 'uuid', description: 'The id of the record.' }) id!: string;
  @ApiProperty({
    example: '2026-11-20T14:03:00.000Z',
    description:
      'purchase occurredAt, referral invitedAt, review publishedAt, mention postedAt, attendance attendedAt / noShowAt / registeredAt, feedback submittedAt.',
  })
  occurredAt!: string;
  @ApiProperty({ example: 'Order order-1001: 49.90 EUR (Trail shoes)' }) summary!: string;
  @ApiProperty({
    description: "The record as its own endpoint returns it (the type's response).",
    oneOf: [
      { $ref: getSchemaPath(PurchaseResponseDto) },
      { $ref: getSchemaPath(ReferralResponseDto) },
      { $ref: getSchemaPath(ReviewResponseDto) },
      { $ref: getSchemaPath(MentionResponseDto) },
      { $ref: getSchemaPath(AttendanceResponseDto) },
      { $ref: getSchemaPath(FeedbackResponseDto) },
    ],
  })
  record!: TimelineRecord;
}

export class TimelineListDto {
  @ApiProperty({ type: [TimelineItemDto] }) items!: TimelineItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ example: 12, description: 'Items of the chosen types in all pages.' })
  total!: number;
}
