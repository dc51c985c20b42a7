import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { CreateMentionDto } from './dto/create-mention.dto';
import { ListMentionsQuery } from './dto/list-mentions.query';
import { MentionListDto, MentionResponseDto } from './dto/mention-response.dto';
import { UpdateMentionDto } from './dto/update-mention.dto';
import { Mention } from './mention.entity';
import { MentionsService } from './mentions.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('api/v1/mentions')
export class MentionsController extends RecordRoutes({
  service: MentionsService,
  response: MentionResponseDto,
  create: {
    body: CreateMentionDto,
    summary:
      'Record a mention (201). The same url (normalised), externalId or (platform, externalPostId) again: 200 unchanged, or 200 with its counters updated; other content is 409.',
    existing: 'Already stored: unchanged or updated.',
  },
  list: {
    type: MentionListDto,
    query: ListMentionsQuery,
    summary:
      'List mentions, newest first: filter by member, platform, handle, unlinked, postedAt range, minimum reach.',
  },
  update: {
    body: UpdateMentionDto,
    summary: 'Change counters or sentiment; fields left out keep their values.',
  },
  remove: { summary: 'Delete a mention; purchases that named it by url no longer do.' },
}) {
  protected async write(body: CreateMentionDto): Promise<Written<Mention>> {
    const { mention, outcome } = await this.service.write(body);
    return { record: mention, outcome };
  }

  protected toResponses(mentions: Mention[]): MentionResponseDto[] {
    return mentions.map((mention) => MentionResponseDto.from(mention));
  }
}
