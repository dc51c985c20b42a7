import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { REASON_LANGUAGES, reasonLanguage } from '../common/language/reason-language';
import { Public } from '../auth/roles.decorator';
import { SystemSummaryService, describeReason } from '../system/system-summary.service';
import { HealthDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: SystemSummaryService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness and readiness: 200 when the database answers (503 when it does not), with `degraded` and its reasons (codes such as RECOMPUTE_FAILED, DIGEST_FAILURES or WEBHOOK_FAILURES, and a sentence, never ids or personal data) from the operations summary, cached for system.summaryCacheSeconds.',
  })
  @ApiQuery({ name: 'lang', required: false, enum: REASON_LANGUAGES })
  @ApiOkResponse({ type: HealthDto })
  async check(
    @Res({ passthrough: true }) response: Response,
    @Query('lang') lang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<HealthDto> {
    let ready = false;
    try {
      await this.dataSource.query('SELECT 1');
      ready = true;
    } catch {
      ready = false;
    }
    const database = { type: this.dataSource.options.type, ready };
    if (!ready) {
      response.status(503);
      return { status: 'unavailable', database, reasons: [] };
    }
    const summary = await this.summaries.forHealth();
    const language = reasonLanguage(lang, acceptLanguage);
    return {
      status: summary.status,
      database,
      reasons: summary.reasons.map((reason) => {
        const { code, text } = describeReason(reason, language);
        return { code, text };
      }),
    };
  }
}
