import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import { FEEDBACK_KINDS, FeedbackKind } from '../feedback.entity';
import { FeedbackStatusFieldsDto } from './feedback-status-fields.dto';
import { MemberHandle, MemberReference } from '../../members/dto/member-reference.dto';
import { ExternalIdProperty } from '../../common/validation/external-id-property';

export class CreateFeedbackDto extends IntersectionType(
  FeedbackStatusFieldsDto,
  MemberReference('Who gave it (or memberExternalId, memberEmail, or platform and handle).'),
  MemberHandle('discord'),
) {
  /** An empty external id is refused, not taken for none. */
  @MinLength(1)
  override memberExternalId?: string;

  @ExternalIdProperty(
    'Your id for the item; unique, the idempotency key. Without it, (member, text, submittedAt) is.',
    'canny-post-4411',
  )
  externalId?: string;

  @ApiProperty({ enum: FEEDBACK_KINDS, example: 'idea' })
  @IsIn(FEEDBACK_KINDS)
  kind!: FeedbackKind;

  @ApiProperty({
    description: 'As written; kept literally, HTML included (escape it when showing it).',
    example: 'A <b>dark mode</b> for the app, please.',
    maxLength: 20000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text!: string;

  @ApiPropertyOptional({
    description:
      'When it was submitted; default now, or the earliest status date given if earlier. At most a day ahead.',
    example: '2026-11-01T09:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  submittedAt?: string;
}
