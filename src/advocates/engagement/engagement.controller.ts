import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { MemberEngagementDto, MemberEngagementQuery } from '../dto/member-engagement.dto';
import { ProfilingWithheldDto } from '../../members/dto/profiling-withheld.dto';
import { EngagementService } from './engagement.service';

@ApiTags('advocates')
@ApiBearerAuth()
@Controller('api/v1/members')
export class EngagementController {
  constructor(private readonly engagement: EngagementService) {}

  @Get(':id/engagement')
  @ApiOperation({
    summary:
      "A member's engagement score explained: Σ weight × 0.5^(age / half-life) per platform, with every activity's points.",
    description:
      'For a member who objects to profiling: `{withheld: "profilingObjection", since}` and no figures.',
  })
  @ApiExtraModels(MemberEngagementDto, ProfilingWithheldDto)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(MemberEngagementDto) },
        { $ref: getSchemaPath(ProfilingWithheldDto) },
      ],
    },
  })
  explain(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MemberEngagementQuery,
  ): Promise<MemberEngagementDto | ProfilingWithheldDto> {
    return this.engagement.explain(id, query.asOf);
  }
}
