import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FEEDBACK_KINDS, FeedbackKind } from '../feedback.entity';
import { FeedbackStatusFieldsDto } from './feedback-status-fields.dto';

/** Kind, status and status dates; a field left out keeps its value. */
export class UpdateFeedbackDto extends FeedbackStatusFieldsDto {
  @ApiPropertyOptional({ enum: FEEDBACK_KINDS, example: 'bug' })
  @IsOptional()
  @IsIn(FEEDBACK_KINDS)
  kind?: FeedbackKind;
}
