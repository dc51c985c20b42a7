import { REASON_LANGUAGES, ReasonLanguage } from '../../common/language/reason-language';
import { ApiProperty, ApiPropertyOptional, OmitType, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

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

/**
 * The response schema of each type's record, by name: the owning modules' controllers put them
 * in the OpenAPI document, and members imports none of those modules.
 */
const RECORD_SCHEMAS = [
  'PurchaseResponseDto',
  'ReferralResponseDto',
  'ReviewResponseDto',
  'MentionResponseDto',
  'AttendanceResponseDto',
  'FeedbackResponseDto',
];

/** The record as its type's own endpoint returns it (its response DTO). */
export type TimelineRecord = object;

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

  @ApiPropertyOptional({
    enum: REASON_LANGUAGES,
    description:
      'Language of the summaries; default the first supported language of Accept-Language, else en.',
  })
  @IsOptional()
  @IsIn(REASON_LANGUAGES)
  lang?: ReasonLanguage;
}

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
    oneOf: RECORD_SCHEMAS.map((schema) => ({ $ref: getSchemaPath(schema) })),
  })
  record!: TimelineRecord;
}

export class TimelineListDto {
  @ApiProperty({ type: [TimelineItemDto] }) items!: TimelineItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ example: 12, description: 'Items of the chosen types in all pages.' })
  total!: number;
}
