import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';
import { SOURCE_KINDS, WebhookSource } from '../webhook-source.entity';

export class WebhookSourceResponseDto {
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' }) id!: string;
  @ApiProperty({ enum: SOURCE_KINDS, example: 'shopify' }) kind!: string;
  @ApiProperty({ example: 'Main Shopify store' }) name!: string;
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({
    description: 'Where the sender posts: POST {url}.',
    example: 'https://halo.example.com/api/v1/webhooks/5f0c2a9e-1b2c-4d3e-8f40-0123456789ab',
  })
  url!: string;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) secretRotatedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-02T10:15:00.000Z' })
  lastReceivedAt!: string | null;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) updatedAt!: string;

  static from(source: WebhookSource, url: string): WebhookSourceResponseDto {
    return {
      ...responseFields(
        source,
        ['id', 'kind', 'name', 'enabled'],
        ['secretRotatedAt', 'lastReceivedAt', 'createdAt', 'updatedAt'],
      ),
      url,
    };
  }
}

/** The answer to a create or a rotation: the secret, when Halo generated it, this once. */
export class WebhookSourceWithSecretDto extends WebhookSourceResponseDto {
  @ApiPropertyOptional({
    description:
      'Generic sources only, on creation and rotation: the signing secret. It is not shown again.',
    example: 'whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  })
  secret?: string;
}

export class WebhookSourceListDto extends PageOf(WebhookSourceResponseDto) {}
