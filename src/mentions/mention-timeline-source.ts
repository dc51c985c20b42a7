import { TimelineSource } from '../members/timeline-sources';
import { MentionResponseDto } from './dto/mention-response.dto';
import { Mention } from './mention.entity';

/** Mentions on a member's timeline. */
export const mentionTimelineSource: TimelineSource<Mention> = {
  type: 'mention',
  entity: Mention,
  alias: 'mention',
  memberColumn: 'mention.member_id',
  occurredColumn: 'mention.posted_at',
  occurredAt: (mention) => mention.postedAt,
  describe: async (mentions) =>
    mentions.map((mention) => ({
      summary: `Mentioned on ${mention.platform} by ${mention.handle} (reach ${mention.reach})`,
      record: MentionResponseDto.from(mention),
    })),
};
