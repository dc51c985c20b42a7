import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, IsUrl, MaxLength } from 'class-validator';

/** What led to an order. Only the content named here gets credit (explicit attribution). */
export class AttributionDto {
  @ApiPropertyOptional({ description: "A member's referral code.", example: 'ADA-7K3P9Q' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  referralCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A review that led to the order.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  reviewId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A mention that led to the order.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  mentionId?: string;

  @ApiPropertyOptional({
    description: 'The url of a mention, when its id is not known.',
    example: 'https://instagram.com/p/abc',
  })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  mentionUrl?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An event that led to the order.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  eventId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A paid campaign that led to the order.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  campaignId?: string;
}
