import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../../common/money/money';
import {
  AcquisitionMetrics,
  CampaignMetrics,
  ChannelMetrics,
  UnitEconomics,
} from '../acquisition-metrics';

const money = (minor: number, currency: string) => formatAmount(minor, currency);
const moneyOrNull = (minor: number | null, currency: string) =>
  minor === null ? null : formatAmount(minor, currency);

function economics(figures: UnitEconomics, currency: string) {
  return {
    acquired: figures.acquired,
    spend: money(figures.spendMinor, currency),
    cac: moneyOrNull(figures.cacMinor, currency),
    ltv: moneyOrNull(figures.ltvMinor, currency),
    ltvToCac: figures.ltvToCac,
    valuedMembers: figures.valuedMembers,
  };
}

class UnitEconomicsDto {
  @ApiProperty({ description: 'Members acquired in the period, each counted once.', example: 40 })
  acquired!: number;

  @ApiProperty({
    description: 'Acquisition spend in the period, base currency.',
    example: '1000.00',
  })
  spend!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'spend / acquired; null when nobody was acquired.',
    example: '25.00',
  })
  cac!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Mean spend value of the acquired members' current value snapshots; null when none is valued.",
    example: '90.00',
  })
  ltv!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'LTV / CAC (4 decimals); null when either is undefined or CAC is zero.',
    example: 3.6,
  })
  ltvToCac!: number | null;

  @ApiProperty({
    description: 'Acquired members with a value snapshot (the LTV is their mean).',
    example: 38,
  })
  valuedMembers!: number;
}

class ChannelCostsDto {
  @ApiProperty({ example: '1000.00', description: "Campaigns' spend pro-rated to the period." })
  campaigns!: string;
  @ApiProperty({
    example: '50.00',
    description: 'Community: rewards of referrals converted in the period.',
  })
  referralRewards!: string;
  @ApiProperty({
    example: '300.00',
    description: 'Community: costs of events that started in the period.',
  })
  eventCosts!: string;
}

class AcquiredViaDto {
  @ApiProperty({ example: 5, description: 'Referees of a converted referral.' }) referral!: number;
  @ApiProperty({ example: 2, description: 'Event guests whose first order followed the event.' })
  eventGuest!: number;
  @ApiProperty({ example: 30, description: 'Members naming an acquisition campaign.' })
  campaign!: number;
  @ApiProperty({ example: 3, description: 'Members counted by their acquisitionChannel label.' })
  label!: number;
}

export class ChannelMetricsDto extends UnitEconomicsDto {
  @ApiProperty({
    example: 'community',
    description:
      '`community` gathers referral, event and community; `unattributed` members with no channel.',
  })
  channel!: string;

  @ApiProperty({ type: ChannelCostsDto }) costs!: ChannelCostsDto;

  @ApiProperty({ type: AcquiredViaDto, description: 'How the acquired members were assigned.' })
  via!: AcquiredViaDto;

  static from(row: ChannelMetrics, currency: string): ChannelMetricsDto {
    return {
      channel: row.channel,
      ...economics(row, currency),
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
      ...economics(row, currency),
      prospects: campaign.prospects,
      totalSpend: money(campaign.baseSpendMinor, currency),
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
  @ApiProperty({ type: [ChannelMetricsDto] }) channels!: ChannelMetricsDto[];
  @ApiProperty({ type: [CampaignMetricsDto] }) campaigns!: CampaignMetricsDto[];

  static from(
    from: number,
    to: number,
    currency: string,
    metrics: AcquisitionMetrics,
  ): AcquisitionMetricsDto {
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      currency,
      channels: metrics.channels.map((row) => ChannelMetricsDto.from(row, currency)),
      campaigns: metrics.campaigns.map((row) => CampaignMetricsDto.from(row, currency)),
    };
  }
}
