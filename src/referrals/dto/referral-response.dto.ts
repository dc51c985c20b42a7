import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../common/money/money';
import { awaitsApproval, countsForValue, parseFlags } from '../referral-state';
import {
  REFERRAL_FLAGS,
  REFERRAL_STATUSES,
  REFERRAL_STATUS_REASONS,
  Referral,
} from '../referral.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

const instant = { nullable: true, type: String, example: '2026-02-01T10:00:00.000Z' };

export class ReferralResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'ref-2026-0042' }) externalId!:
    string | null;
  @ApiProperty({ format: 'uuid' }) referrerId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Null while the referee is only an email.',
  })
  refereeId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'grace@example.org' }) refereeEmail!:
    string | null;
  @ApiProperty({ example: 'ADA-7K3P9Q' }) code!: string;
  @ApiProperty({ nullable: true, type: String, example: 'email' }) channel!: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'converted' }) status!: string;
  @ApiProperty({
    enum: REFERRAL_STATUS_REASONS,
    nullable: true,
    type: String,
    example: null,
    description:
      'Why a pending referral cannot convert: firstOrderBeforeInvitation, the referee bought before being invited.',
  })
  statusReason!: string | null;
  @ApiProperty({ example: '10.00' }) rewardCost!: string;
  @ApiProperty({ example: 'EUR' }) rewardCurrency!: string;
  @ApiProperty({ example: '10.00', description: 'rewardCost in the base currency.' })
  baseRewardCost!: string;
  @ApiProperty({ example: 'EUR' }) baseCurrency!: string;
  @ApiProperty({ example: '2026-02-01T10:00:00.000Z' }) invitedAt!: string;
  @ApiProperty(instant) signedUpAt!: string | null;
  @ApiProperty({ ...instant, description: "The converting order's occurredAt." })
  convertedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) convertingPurchaseId!:
    string | null;
  @ApiProperty(instant) voidedAt!: string | null;
  @ApiProperty({ enum: REFERRAL_FLAGS, isArray: true, example: ['similar_email'] })
  flags!: string[];
  @ApiProperty(instant) approvedAt!: string | null;
  @ApiProperty(instant) rejectedAt!: string | null;
  @ApiProperty({ description: 'Flagged, and no manager has approved or rejected it yet.' })
  awaitingApproval!: boolean;
  @ApiProperty({ description: 'Converted, and approved if it was flagged: counts as value.' })
  countsForValue!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(referral: Referral, baseCurrency: string): ReferralResponseDto {
    return {
      ...responseFields(
        referral,
        [
          'id',
          'externalId',
          'referrerId',
          'refereeEmail',
          'code',
          'channel',
          'status',
          'rewardCurrency',
          'convertingPurchaseId',
        ],
        [
          'invitedAt',
          'signedUpAt',
          'convertedAt',
          'voidedAt',
          'approvedAt',
          'rejectedAt',
          'createdAt',
          'updatedAt',
        ],
      ),
      refereeId: referral.refereeMemberId,
      statusReason: referral.statusReason,
      rewardCost: formatAmount(referral.rewardMinor, referral.rewardCurrency),
      baseRewardCost: formatAmount(referral.baseRewardMinor, baseCurrency),
      baseCurrency,
      flags: parseFlags(referral.flags),
      awaitingApproval: awaitsApproval(referral),
      countsForValue: countsForValue(referral),
    };
  }
}

export class ReferralListDto extends PageOf(ReferralResponseDto) {}
