import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import { FEEDBACK_STATUSES, FeedbackStatus } from '../feedback.entity';

/** The status of a feedback item and the dates of its changes. */
export class FeedbackStatusFieldsDto {
  @ApiPropertyOptional({
    enum: FEEDBACK_STATUSES,
    default: 'submitted',
    example: 'accepted',
    description:
      'submitted → accepted → shipped, or declined from submitted or accepted; shipped and declined are final.',
  })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES)
  status?: FeedbackStatus;

  @ApiPropertyOptional({
    description:
      'When it was accepted (status accepted, shipped, or declined after acceptance); default now.',
    example: '2026-11-02T10:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  acceptedAt?: string;

  @ApiPropertyOptional({
    description: 'When it shipped (status shipped); default now.',
    example: '2026-11-20T10:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  shippedAt?: string;

  @ApiPropertyOptional({
    description: 'When it was declined (status declined); default now.',
    example: '2026-11-03T10:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  declinedAt?: string;
}
