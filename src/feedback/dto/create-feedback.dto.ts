import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import { FEEDBACK_KINDS, FeedbackKind } from '../feedback.entity';
import { FeedbackStatusFieldsDto } from './feedback-status-fields.dto';

export class CreateFeedbackDto extends FeedbackStatusFieldsDto {
  @ApiPropertyOptional({
    description:
      'Your id for the item; unique, the idempotency key. Without it, (member, text, submittedAt) is.',
    example: 'canny-post-4411',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Who gave it (or memberExternalId, memberEmail, or platform and handle).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ example: 'crm-10042', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  memberExternalId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  memberEmail?: string;

  @ApiPropertyOptional({ example: 'discord', description: 'With handle: the member by identity.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' })
  @MaxLength(32)
  platform?: string;

  @ApiPropertyOptional({ example: '@ada', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  handle?: string;

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
