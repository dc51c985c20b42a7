import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { reasonLanguage } from '../common/language/reason-language';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { TimelineListDto, TimelineQuery } from './dto/timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('members')
@ApiBearerAuth()
@Controller('api/v1/members')
export class MemberTimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @ApiOperation({
    summary:
      "A member's purchases, referrals made and received, reviews, mentions, event attendance and feedback, newest first; filter by type; cursor pages.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TimelineListDto })
  page(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: TimelineQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<TimelineListDto> {
    return this.timeline.page(id, query, reasonLanguage(query.lang, acceptLanguage));
  }
}
