import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../common/money/money';
import { Purchase } from '../purchase.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class AttributionResponseDto {
  @ApiProperty({ nullable: true, type: String }) referralCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewId!: string | null;
  @ApiProperty({ nullable: true, type: String }) mentionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) mentionUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
}

export class PurchaseResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'order-1001' }) externalId!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: ['order', 'refund'] }) kind!: string;
  @ApiProperty({ example: '49.90', description: 'As sent, in `currency`.' }) amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '45.91', description: 'Converted to the base currency at write time.' })
  baseAmount!: string;
  @ApiProperty({ example: 'EUR' }) baseCurrency!: string;
  @ApiProperty({ example: '0.92', description: 'Base units per one unit of `currency`.' })
  rate!: string;
  @ApiProperty({ example: '2026-11-20T14:03:00.000Z' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) product!: string | null;
  @ApiProperty({ nullable: true, type: String }) productCategory!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'For a refund: the externalId of its order.',
  })
  refundOf!: string | null;
  @ApiProperty({ type: AttributionResponseDto }) attribution!: AttributionResponseDto;
  @ApiProperty() createdAt!: string;

  static from(
    purchase: Purchase,
    baseCurrency: string,
    refundOf: string | null,
  ): PurchaseResponseDto {
    return {
      ...responseFields(
        purchase,
        ['id', 'externalId', 'memberId', 'kind', 'currency', 'rate', 'product', 'productCategory'],
        ['occurredAt', 'createdAt'],
      ),
      amount: formatAmount(purchase.amountMinor, purchase.currency),
      baseAmount: formatAmount(purchase.baseAmountMinor, baseCurrency),
      baseCurrency,
      refundOf,
      attribution: {
        referralCode: purchase.attributionReferralCode,
        reviewId: purchase.attributionReviewId,
        mentionId: purchase.attributionMentionId,
        mentionUrl: purchase.attributionMentionUrl,
        eventId: purchase.attributionEventId,
        campaignId: purchase.attributionCampaignId,
      },
    };
  }
}

export class PurchaseListDto extends PageOf(PurchaseResponseDto, {}) {}
