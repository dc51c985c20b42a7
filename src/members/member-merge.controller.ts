import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ReplayReads } from '../common/http/replay-reads.decorator';
import { writeStatus } from '../common/http/write-outcome';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { MemberResponseDto } from './dto/member-response.dto';
import { MergeMemberDto, MergeResultDto } from './dto/merge-member.dto';
import {
  DismissMergeSuggestionDto,
  MergeDismissalDto,
  MergeSuggestionListDto,
  MergeSuggestionsQuery,
} from './dto/merge-suggestion.dto';
import { MemberMergeService } from './member-merge.service';
import { MergeSuggestionsService } from './merge-suggestions.service';

/**
 * Registered before MembersController (see MembersModule), so that
 * `/members/merge-suggestions` is not taken for `/members/:id`.
 */
@ApiTags('members')
@ApiBearerAuth()
@Controller('api/v1/members')
export class MemberMergeController {
  constructor(
    private readonly merges: MemberMergeService,
    private readonly suggestions: MergeSuggestionsService,
  ) {}

  @Get('merge-suggestions')
  @ApiOperation({
    summary:
      'Likely duplicates, most likely first: same email ignoring case, dots and +tags; the same handle on two platforms; near-identical names. Dismissed pairs are left out.',
  })
  @ApiOkResponse({ type: MergeSuggestionListDto })
  listSuggestions(@Query() query: MergeSuggestionsQuery): Promise<MergeSuggestionListDto> {
    return this.suggestions.list(query);
  }

  @Post('merge-suggestions/dismiss')
  @ReplayReads('dismissal')
  @ApiOperation({
    summary:
      'Mark two members as different people (201), so the pair is not suggested again; 200 when dismissed before.',
  })
  @ApiCreatedResponse({ type: MergeDismissalDto })
  @ApiOkResponse({ type: MergeDismissalDto, description: 'Dismissed before.' })
  async dismiss(
    @Body() body: DismissMergeSuggestionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MergeDismissalDto> {
    const { dismissal, created } = await this.suggestions.dismiss(
      body.memberId,
      body.otherMemberId,
    );
    response.status(writeStatus(created ? 'created' : 'unchanged'));
    return MergeDismissalDto.from(dismissal);
  }

  /** An Idempotency-Key replay of a dismissal: the pair's dismissal (dismissing again reads it). */
  async dismissal(_id: string | null, request: Request): Promise<MergeDismissalDto> {
    const body = request.body as DismissMergeSuggestionDto;
    const { dismissal } = await this.suggestions.dismiss(body.memberId, body.otherMemberId);
    return MergeDismissalDto.from(dismissal);
  }

  /**
   * An Idempotency-Key replay of a merge: both members as they are now; what the merge moved
   * and dropped is not kept (an idempotency record keeps no body), so `moved` and `dropped` are
   * absent.
   */
  async mergedPair(_id: string | null, request: Request): Promise<MergeResultDto> {
    const body = request.body as MergeMemberDto;
    const pair = await this.merges.pair(
      request.params.id as string,
      body.otherMemberId.toLowerCase(),
    );
    return {
      survivor: MemberResponseDto.from(pair.survivor),
      merged: MemberResponseDto.from(pair.merged),
    };
  }

  @Post(':id/merge')
  @ReplayReads('mergedPair')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move every record of otherMemberId onto this member in one transaction (identities, tags, purchases, reviews, mentions, attendance, guests, feedback, referrals both ways); the other stays as a pointer. 422/409 naming the field when the merge would break a rule (itself, already merged, a referral between the two, two referrers, a referral cycle).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The survivor.' })
  @ApiOkResponse({ type: MergeResultDto })
  async merge(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: MergeMemberDto,
  ): Promise<MergeResultDto> {
    return MergeResultDto.from(await this.merges.merge(id, body.otherMemberId.toLowerCase()));
  }
}
