import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import { IsOmittable } from '../../common/validation/is-omittable';
import { MAX_COUNTER } from '../../mentions/dto/mention-metrics.dto';
import { MemberReference } from '../../members/dto/member-reference.dto';
import { ExternalIdProperty } from '../../common/validation/external-id-property';

export const MAX_BODY_LENGTH = 20_000;

export class CreateReviewDto extends MemberReference(
  'The reviewer (or memberExternalId, or memberEmail, or their handle on the platform).',
) {
  @ExternalIdProperty(
    'Your id for the review; unique, the idempotency key when given.',
    'trustpilot-5f2a',
  )
  externalId?: string;

  @ApiPropertyOptional({
    example: '@ada',
    description: "The reviewer's handle on `platform`, found through identities.",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  handle?: string;

  @ApiProperty({
    example: 'Trail shoes',
    description: 'Compared, ignoring case, with the products of the member’s orders.',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  product!: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 5, description: 'Whole stars, 1 to 5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ example: 'Best shoes I ever had', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({
    example: 'Comfortable from the first <b>day</b>.',
    description: 'Stored literally, HTML and scripts included; escape it when showing it.',
    maxLength: MAX_BODY_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  body?: string;

  @ApiProperty({
    example: 'trustpilot',
    description: 'Where it was published: a lower-case platform name (e.g. shop, google).',
    maxLength: 32,
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' })
  @MaxLength(32)
  platform!: string;

  @ApiPropertyOptional({
    example: 'https://www.trustpilot.com/reviews/5f2a',
    description:
      'Required without externalId: (platform, url without fragment, utm_* or trailing slash) is then the key.',
    maxLength: 2000,
  })
  @IsOptional()
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  @MaxLength(2000)
  url?: string;

  @ApiProperty({ example: '2026-11-18T08:00:00Z', description: 'ISO 8601; at most a day ahead.' })
  @IsOccurrenceInstant()
  publishedAt!: string;

  @ApiPropertyOptional({ example: 1200, description: 'Times the review was seen.' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  views?: number;

  @ApiPropertyOptional({ example: 14 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  helpfulVotes?: number;

  @ApiPropertyOptional({
    example: true,
    description:
      'Used only when the member’s orders name no products; otherwise derived: true when an order of the same product precedes publishedAt.',
  })
  @IsOptional()
  @IsBoolean()
  verifiedPurchase?: boolean;
}
