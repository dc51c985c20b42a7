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
    summary:
      'CAC, LTV/CAC, maximum affordable CAC and purchase measures per acquisition channel and campaign; prospect lifetime value.',
    description:
      'Members acquired in [from, to) (default: the last 12 months) count once: in `community` when a converted referral brought them, else when they were a guest at an event before their first order, else when their acquisitionChannel is referral, event or community; else in their acquisition campaign (and its channel); else by their acquisitionChannel label. ' +
      "A member's cost: a referral's reward; an event's cost over all the guests it acquired; a campaign's whole spend over all the members it acquired, whenever. A channel label alone gives no cost: such members are counted in membersWithUnknownCost and left out of CAC and LTV/CAC. " +
      'CAC is the mean cost of the members acquired in the window whose cost is known; spendInWindow is what was spent in the window (campaigns pro-rated by their days in it; rewards of referrals converted and costs of events held in it). ' +
      'LTV is the mean spend value (margin) of the current value snapshots; maxAffordableCac is LTV over value.targetLtvCacRatio. Purchase measures read the members’ purchases up to now. Prospect lifetime value is per whole campaign. Amounts in the base currency; null where unknown.',
  })
  @ApiOkResponse({ type: AcquisitionMetricsDto })
  async acquisitionMetrics(
    @Query() query: AcquisitionMetricsQuery,
  ): Promise<AcquisitionMetricsDto> {
    const { period, metrics } = await this.acquisition.metrics({
      from: parseIsoInstant(query.from),
      to: parseIsoInstant(query.to),
    });
    return AcquisitionMetricsDto.from(
      period,
      this.acquisition.baseCurrency,
      this.acquisition.targetLtvCacRatio,
      metrics,
    );
  }
}
