import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_FLAGS } from '../referral.entity';

export class ReferralBurstDto {
  @ApiProperty({
    example: 7,
    description: "The referrer's invitations in the window, this one included.",
  })
  referralsInWindow!: number;
  @ApiProperty({ example: 24 }) windowHours!: number;
  @ApiProperty({ example: 5, description: 'More invitations than this in the window is a burst.' })
  threshold!: number;
}

export class ReferralAtStakeDto {
  @ApiProperty({
    example: '10.00',
    description: 'The reward the brand pays, in the base currency.',
  })
  baseRewardCost!: string;
  @ApiProperty({
    example: '129.90',
    description:
      "The referee's orders less refunds so far, in the base currency: the revenue credited to the referrer once the referral counts.",
  })
  refereeSpend!: string;
  @ApiProperty({ example: 'EUR' }) baseCurrency!: string;
  @ApiProperty({ description: 'Converted: approving it makes it count as value now.' })
  converted!: boolean;
}

export class ReferralEvidenceDto {
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ enum: REFERRAL_FLAGS, isArray: true }) flags!: string[];
  @ApiProperty({ nullable: true, type: String }) referrerEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) refereeEmail!: string | null;
  @ApiProperty({ description: 'The two emails look like one person’s (similar_email).' })
  similarEmails!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'mailinator.com' })
  disposableDomain!: string | null;
  @ApiProperty({ type: ReferralBurstDto }) burst!: ReferralBurstDto;
  @ApiProperty({ type: ReferralAtStakeDto }) atStake!: ReferralAtStakeDto;
}
