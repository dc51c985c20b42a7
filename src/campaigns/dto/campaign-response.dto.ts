import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../common/money/money';
import { Campaign } from '../campaign.entity';
import { responseFields } from '../../common/http/response-fields';

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
      ...responseFields(
        campaign,
        ['id', 'externalId', 'name', 'channel', 'currency', 'prospects'],
        ['startsAt', 'endsAt', 'createdAt'],
      ),
      spend: formatAmount(campaign.spendMinor, campaign.currency),
      baseSpend: formatAmount(campaign.baseSpendMinor, baseCurrency),
      baseCurrency,
    };
  }
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignResponseDto] }) items!: CampaignResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty() total!: number;
}
