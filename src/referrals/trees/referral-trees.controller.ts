import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { DEFAULT_TREES_LIMIT, ListReferralTreesQuery } from './dto/list-referral-trees.query';
import { ReferralTreeDto } from './dto/referral-tree.dto';
import { DEFAULT_TREE_DEPTH, ReferralTreeQuery } from './dto/referral-tree.query';
import { ReferralTreeListDto } from './dto/referral-tree-summary.dto';
import { ReferralTreesService } from './referral-trees.service';

/** Registered before ReferralsController, so that `referrals/trees` is not read as `referrals/:id`. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/v1')
export class ReferralTreesController {
  constructor(private readonly trees: ReferralTreesService) {}

  @Get('members/:id/referrals/tree')
  @ApiOperation({
    summary:
      'The member and the converted referrals below them, level by level (depth 1–5, default 3): each member with name, convertedAt, spend value, value brought and counts.',
    description:
      'Only converted referrals that count as value (not rejected; flagged ones once approved). A merged member’s id answers the survivor’s tree (`mergedFrom`). A member is shown once even if old data holds a cycle.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReferralTreeDto })
  tree(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ReferralTreeQuery,
  ): Promise<ReferralTreeDto> {
    return this.trees.treeOf(id, query.depth ?? DEFAULT_TREE_DEPTH);
  }

  @Get('referrals/trees')
  @ApiOperation({
    summary:
      'The brand’s largest referral trees: root member, size (referees at every level), depth and value brought (Σ the referees’ current spend value), by size then value.',
    description:
      'A root brought someone through a converted referral and was not brought by one. Roots who object to profiling are not listed.',
  })
  @ApiOkResponse({ type: ReferralTreeListDto })
  largest(@Query() query: ListReferralTreesQuery): Promise<ReferralTreeListDto> {
    return this.trees.largest(query.limit ?? DEFAULT_TREES_LIMIT);
  }
}
