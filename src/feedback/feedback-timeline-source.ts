import { TimelineSource } from '../members/timeline-sources';
import { FeedbackResponseDto } from './dto/feedback-response.dto';
import { Feedback } from './feedback.entity';

/** Feedback on a member's timeline, its text cut to 80 characters in the summary. */
export const feedbackTimelineSource: TimelineSource<Feedback> = {
  type: 'feedback',
  entity: Feedback,
  alias: 'feedback',
  memberColumn: 'feedback.member_id',
  occurredColumn: 'feedback.submitted_at',
  occurredAt: (feedback) => feedback.submittedAt,
  describe: async (items, _manager, words) =>
    items.map((feedback) => {
      const text = feedback.text.length > 80 ? `${feedback.text.slice(0, 79)}…` : feedback.text;
      return {
        summary: words.feedback(feedback.kind, feedback.status, text),
        record: FeedbackResponseDto.from(feedback),
      };
    }),
};
