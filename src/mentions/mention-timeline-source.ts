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
  describe: async (mentions, _manager, words) =>
    mentions.map((mention) => ({
      summary: words.mention(mention.platform, mention.handle, mention.reach),
      record: MentionResponseDto.from(mention),
    })),
};
