import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import { MentionMetricsDto } from './mention-metrics.dto';
import { MemberReference } from '../../members/dto/member-reference.dto';
import { ExternalIdProperty } from '../../common/validation/external-id-property';
import { PlatformProperty } from '../../common/validation/platform-property';

export class CreateMentionDto extends IntersectionType(
  MentionMetricsDto,
  MemberReference(
    'The author, when known otherwise than by handle (or memberExternalId, or memberEmail).',
  ),
) {
  @ExternalIdProperty(
    'Your id for the mention; unique, the idempotency key when given.',
    'brandwatch-88123',
  )
  externalId?: string;

  @PlatformProperty()
  platform!: string;

  @ApiProperty({
    example: '@ada',
    description:
      "The author's handle; finds the member through identities, ignoring case and a leading @.",
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  handle!: string;

  @ApiProperty({
    example: 'https://instagram.com/p/AbC123',
    description:
      'The post. The same url without fragment, utm_* parameters or trailing slash is the same mention.',
    maxLength: 2000,
  })
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    example: '3141592653',
    description: "The platform's id of the post; (platform, externalPostId) is unique.",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalPostId?: string;

  @ApiProperty({
    description: 'When it was posted; ISO 8601, at most a day ahead.',
    example: '2026-11-20T09:30:00Z',
  })
  @IsOccurrenceInstant()
  postedAt!: string;
}
