import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseIsoInstant } from '../../common/dates/iso-date';
import { AcquisitionMetricsService } from './acquisition-metrics.service';
import { AcquisitionMetricsDto } from './dto/acquisition-metrics.dto';
import { AcquisitionMetricsQuery } from './dto/acquisition-metrics.query';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('api/v1/metrics')
export class AcquisitionMetricsController {
  constructor(private readonly acquisition: AcquisitionMetricsService) {}

  @Get('acquisition')
  @ApiOperation({
    summary: 'CAC and LTV/CAC per acquisition channel and campaign; prospect lifetime value.',
    description:
      'Members acquired in [from, to) count once: in `community` when a converted referral brought them, else when they were a guest at an event before their first order, else when their acquisitionChannel is referral, event or community; else in their acquisition campaign (and its channel); else by their acquisitionChannel label. ' +
      'Spend: campaigns pro-rated by their days in the period; community: rewards of referrals converted and costs of events held in the period. ' +
      'LTV is the mean spend value of the current value snapshots. Prospect lifetime value is per whole campaign. Amounts in the base currency; ratios null where undefined.',
  })
  @ApiOkResponse({ type: AcquisitionMetricsDto })
  async acquisitionMetrics(
    @Query() query: AcquisitionMetricsQuery,
  ): Promise<AcquisitionMetricsDto> {
    const from = parseIsoInstant(query.from)!;
    const to = parseIsoInstant(query.to)!;
    const metrics = await this.acquisition.metrics({ from, to });
    return AcquisitionMetricsDto.from(from, to, this.acquisition.baseCurrency, metrics);
  }
}
