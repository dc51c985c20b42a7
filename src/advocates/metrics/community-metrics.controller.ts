import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { csvDialect } from '../../common/csv/csv-writer';
import { HaloSettings } from '../../config/halo-settings';
import { CommunityMetricsDto } from '../dto/community-metrics.dto';
import { CommunityMetricsQuery } from '../dto/community-metrics.query';
import { CommunityMetricsService } from './community-metrics.service';
import { metricsCsv } from './metrics-csv';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('api/v1/metrics')
export class CommunityMetricsController {
  constructor(
    private readonly metrics: CommunityMetricsService,
    private readonly settings: HaloSettings,
  ) {}

  @Get('community')
  @ApiOperation({
    summary:
      'Reach and awareness, new customers acquired through the community, activity, and purchase behaviour, per interval and in total, each with the change against the window before.',
    description:
      '`from` inclusive, `to` exclusive; days, ISO weeks and months are those of brand.timezone (UTC by default), and the default period is the last 30 of its days. Acquired = first order, counted once (referral before event guest before content). Positive sentiment: > 0.25. At most 1000 intervals. `tag` narrows every measure to members carrying it; `platform` narrows mentions and reviews. Sums count every member, those who object to profiling too.',
  })
  @ApiExtraModels(CommunityMetricsDto)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CommunityMetricsDto) } },
      'text/csv': {
        schema: {
          type: 'string',
          example:
            'period,start,end,...,reach.mentions,...\r\nweek,2026-03-02T00:00:00.000Z,...\r\n',
        },
      },
    },
  })
  async community(
    @Query() query: CommunityMetricsQuery,
  ): Promise<CommunityMetricsDto | StreamableFile> {
    const metrics = await this.metrics.metrics(query);
    if (query.format !== 'csv') return metrics;
    return new StreamableFile(
      Buffer.from(
        metricsCsv(metrics, csvDialect(query.locale, this.settings.brand.timezone)),
        'utf8',
      ),
      {
        type: 'text/csv; charset=utf-8',
        disposition: 'attachment; filename="community-metrics.csv"',
      },
    );
  }
}
