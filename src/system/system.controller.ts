import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { REASON_LANGUAGES, reasonLanguage } from '../common/language/reason-language';
import { RequireRole } from '../auth/roles.decorator';
import { SystemSummaryDto } from './dto/system-summary.dto';
import { SystemSummaryService, describeReason } from './system-summary.service';

@ApiTags('system')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/system')
export class SystemController {
  constructor(private readonly summaries: SystemSummaryService) {}

  @Get()
  @ApiOperation({
    summary:
      'Operations summary (admin): the last recompute, failed and stale runs, digest and outbound webhook failures, the outbox, imports running, the database (kind, size, migrations), version and uptime; `degraded` with reasons as in /health. Always computed afresh.',
  })
  @ApiQuery({ name: 'lang', required: false, enum: REASON_LANGUAGES })
  @ApiOkResponse({ type: SystemSummaryDto })
  async summary(
    @Query('lang') lang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<SystemSummaryDto> {
    const summary = await this.summaries.summary(0);
    const language = reasonLanguage(lang, acceptLanguage);
    return {
      status: summary.status,
      reasons: summary.reasons.map((reason) => describeReason(reason, language)),
      checkedAt: new Date(summary.checkedAt).toISOString(),
      version: summary.version,
      startedAt: new Date(summary.startedAt).toISOString(),
      uptimeSeconds: Math.floor((summary.checkedAt - summary.startedAt) / 1000),
      sections: summary.sections as SystemSummaryDto['sections'],
    };
  }
}
