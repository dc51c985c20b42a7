import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { FeedbackListDto, FeedbackResponseDto } from './dto/feedback-response.dto';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { UpdateFeedbackDto } from './dto/update-feedback.dto';
import { Feedback } from './feedback.entity';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class FeedbackController extends RecordRoutes({
  service: FeedbackService,
  response: FeedbackResponseDto,
  create: {
    body: CreateFeedbackDto,
    summary:
      "Record a member's idea, bug or praise (201). Sent again: 200, updated when the status moved on; other content 409; an impossible status change 422.",
    existing: 'Sent before: unchanged or updated.',
  },
  list: {
    type: FeedbackListDto,
    query: ListFeedbackQuery,
    summary: 'List feedback, newest first: filter by member, kind, status and submittedAt range.',
  },
  update: {
    body: UpdateFeedbackDto,
    summary:
      'Move the status on (each change dated: acceptedAt, shippedAt, declinedAt; default now) or correct the kind.',
  },
  remove: { summary: 'Delete a feedback item.', description: 'Deleted.' },
}) {
  protected async write(body: CreateFeedbackDto): Promise<Written<Feedback>> {
    const { feedback, outcome } = await this.service.record(body);
    return { record: feedback, outcome };
  }

  protected toResponses(items: Feedback[]): FeedbackResponseDto[] {
    return items.map((feedback) => FeedbackResponseDto.from(feedback));
  }
}
