import { ApiProperty } from '@nestjs/swagger';
import {
  AcquisitionMetrics,
  CampaignMetrics,
  ChannelMetrics,
  GroupMetrics,
} from '../acquisition-metrics';
import { PurchaseMeasuresDto } from './purchase-measures.dto';
import { UnitEconomicsDto, money, moneyOrNull, unitEconomicsDto } from './unit-economics.dto';

class ChannelCostsDto {
  @ApiProperty({ example: '1000.00', description: "Campaigns' spend pro-rated to the window." })
  campaigns!: string;
  @ApiProperty({
    example: '50.00',
    description: 'Community: rewards of referrals converted in the window.',
  })
  referralRewards!: string;
  @ApiProperty({
    example: '300.00',
    description: 'Community: costs of events that started in the window.',
  })
  eventCosts!: string;
}

class AcquiredViaDto {
  @ApiProperty({ example: 5, description: 'Referees of a converted referral.' }) referral!: number;
  @ApiProperty({ example: 2, description: 'Event guests whose first order followed the event.' })
  eventGuest!: number;
  @ApiProperty({ example: 30, description: 'Members naming an acquisition campaign.' })
  campaign!: number;
  @ApiProperty({
    example: 3,
    description: 'Members counted by their acquisitionChannel label alone (cost unknown).',
  })
  label!: number;
}

/** Every member acquired in the window, whatever the channel. */
export class OverallMetricsDto extends UnitEconomicsDto {
  @ApiProperty({ type: PurchaseMeasuresDto }) measures!: PurchaseMeasuresDto;

  static from(row: GroupMetrics, currency: string): OverallMetricsDto {
    return {
      ...unitEconomicsDto(row, currency),
      measures: PurchaseMeasuresDto.from(row.measures, currency),
    };
  }
}

export class ChannelMetricsDto extends OverallMetricsDto {
  @ApiProperty({
    example: 'community',
    description:
      '`community` gathers referral, event and community; `unattributed` members with no channel.',
  })
  channel!: string;

  @ApiProperty({ type: ChannelCostsDto }) costs!: ChannelCostsDto;

  @ApiProperty({ type: AcquiredViaDto, description: 'How the acquired members were assigned.' })
  via!: AcquiredViaDto;

  static fromChannel(row: ChannelMetrics, currency: string): ChannelMetricsDto {
    return {
      channel: row.channel,
      ...OverallMetricsDto.from(row, currency),
      costs: {
        campaigns: money(row.costs.campaignsMinor, currency),
        referralRewards: money(row.costs.referralRewardsMinor, currency),
        eventCosts: money(row.costs.eventCostsMinor, currency),
      },
      via: row.via,
    };
  }
}

export class CampaignMetricsDto extends UnitEconomicsDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Spring search ads' }) name!: string;
  @ApiProperty({ example: 'paid-search', description: 'The channel row it counts in.' })
  channel!: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2026-03-31T00:00:00.000Z' }) endsAt!: string;
  @ApiProperty({ example: 5000, description: 'Prospects reached by the whole campaign.' })
  prospects!: number;
  @ApiProperty({ example: '1000.00', description: 'The whole campaign spend.' })
  totalSpend!: string;
  @ApiProperty({
    example: 40,
    description:
      'Members the campaign acquired, whenever (those a referral or an event brought count there): the divisor of its CAC. With spend and 0 here, cac is null.',
  })
  acquiredAllTime!: number;
  @ApiProperty({ example: 42, description: 'Members naming the campaign, whenever acquired.' })
  convertedProspects!: number;
  @ApiProperty({
    example: '6200.00',
    description: 'Sum of their current extended values.',
  })
  convertedProspectsValue!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      '(value of converted prospects − the whole campaign spend) / prospects reached; null without prospects.',
    example: '1.04',
  })
  prospectLifetimeValue!: string | null;

  static from(row: CampaignMetrics, currency: string): CampaignMetricsDto {
    const { campaign } = row;
    return {
      id: campaign.id,
      name: campaign.name,
      channel: row.channel,
      startsAt: new Date(campaign.startsAt).toISOString(),
      endsAt: new Date(campaign.endsAt).toISOString(),
      ...unitEconomicsDto(row, currency),
      prospects: campaign.prospects,
      totalSpend: money(campaign.baseSpendMinor, currency),
      acquiredAllTime: row.acquiredAllTime,
      convertedProspects: campaign.convertedProspects,
      convertedProspectsValue: money(campaign.convertedProspectsValueMinor, currency),
      prospectLifetimeValue: moneyOrNull(row.prospectLifetimeValueMinor, currency),
    };
  }
}

export class AcquisitionMetricsDto {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z' }) to!: string;
  @ApiProperty({ example: 'EUR', description: 'The base currency of every amount.' })
  currency!: string;
  @ApiProperty({
    example: 3,
    description: 'value.targetLtvCacRatio: maxAffordableCac is LTV over it.',
  })
  targetLtvCacRatio!: number;
  @ApiProperty({ type: OverallMetricsDto, description: 'All members acquired in the window.' })
  overall!: OverallMetricsDto;
  @ApiProperty({ type: [ChannelMetricsDto] }) channels!: ChannelMetricsDto[];
  @ApiProperty({ type: [CampaignMetricsDto] }) campaigns!: CampaignMetricsDto[];

  static from(
    period: { from: number; to: number },
    currency: string,
    targetLtvCacRatio: number,
    metrics: AcquisitionMetrics,
  ): AcquisitionMetricsDto {
    return {
      from: new Date(period.from).toISOString(),
      to: new Date(period.to).toISOString(),
      currency,
      targetLtvCacRatio,
      overall: OverallMetricsDto.from(metrics.overall, currency),
      channels: metrics.channels.map((row) => ChannelMetricsDto.fromChannel(row, currency)),
      campaigns: metrics.campaigns.map((row) => CampaignMetricsDto.from(row, currency)),
    };
  }
}
