import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
} from 'class-validator';
import { WEBHOOK_EVENTS, WebhookEventType } from '../webhook-subscription.entity';

export class UpdateWebhookSubscriptionDto {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, example: ['referral.flagged'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ example: false, description: 'false: no new deliveries are queued.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
