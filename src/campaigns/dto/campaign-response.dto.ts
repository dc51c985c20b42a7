import { ApiProperty } from '@nestjs/swagger';
import { toIso } from '../../common/dates/iso-date';
import { formatAmount } from '../../common/money/money';
import { Campaign } from '../campaign.entity';

export class CampaignResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) externalId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ example: '12000.00' }) spend!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '12000.00' }) baseSpend!: string;
  @ApiProperty({ example: 'EUR' }) baseCurrency!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty() prospects!: number;
  @ApiProperty() createdAt!: string;

  static from(campaign: Campaign, baseCurrency: string): CampaignResponseDto {
    return {
      id: campaign.id,
      externalId: campaign.externalId,
      name: campaign.name,
      channel: campaign.channel,
      spend: formatAmount(campaign.spendMinor, campaign.currency),
      currency: campaign.currency,
      baseSpend: formatAmount(campaign.baseSpendMinor, baseCurrency),
      baseCurrency,
      startsAt: toIso(campaign.startsAt)!,
      endsAt: toIso(campaign.endsAt)!,
      prospects: campaign.prospects,
      createdAt: toIso(campaign.createdAt)!,
    };
  }
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignResponseDto] }) items!: CampaignResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty() total!: number;
}
