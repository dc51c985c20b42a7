import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { responseFields } from '../../common/http/response-fields';
import { PageOf } from '../../common/pagination/page-of.dto';
import {
  WEBHOOK_EVENTS,
  WebhookSubscription,
  subscribedEvents,
} from '../webhook-subscription.entity';

export class WebhookSubscriptionResponseDto {
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' }) id!: string;
  @ApiProperty({ example: 'https://hooks.example.com/halo' }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['tier.changed'] })
  events!: string[];
  @ApiProperty({ nullable: true, type: String, example: 'CRM sync' }) description!: string | null;
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) secretRotatedAt!: string;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) updatedAt!: string;

  static from(subscription: WebhookSubscription): WebhookSubscriptionResponseDto {
    return {
      ...responseFields(
        subscription,
        ['id', 'url', 'description', 'enabled'],
        ['secretRotatedAt', 'createdAt', 'updatedAt'],
      ),
      events: subscribedEvents(subscription),
    };
  }
}

export class WebhookSubscriptionWithSecretDto extends WebhookSubscriptionResponseDto {
  @ApiPropertyOptional({
    description:
      'On creation and rotation only: the secret that signs every delivery (X-Halo-Signature). Not shown again.',
    example: 'whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  })
  secret?: string;
}

export class WebhookSubscriptionListDto extends PageOf(WebhookSubscriptionResponseDto) {}
