import { ApiProperty } from '@nestjs/swagger';
import { responseFields } from '../../common/http/response-fields';
import { PageOf } from '../../common/pagination/page-of.dto';
import { DELIVERY_STATUSES, WebhookDelivery } from '../webhook-delivery.entity';

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The recompute whose completion queued it.' })
  runId!: string;
  @ApiProperty({ example: 0 }) chunk!: number;
  @ApiProperty({ example: 3 }) eventCount!: number;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    example: 'retrying',
    description:
      'pending (not tried yet), retrying (failed, see nextAttemptAt), delivered (a 2xx answer), failed (gave up after webhooks.maxAttempts).',
  })
  status!: string;
  @ApiProperty({ example: 2 }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-03T02:04:00.000Z' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-03T02:02:00.000Z' })
  lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 500 }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500 Internal Server Error' })
  lastError!: string | null;
  @ApiProperty({ example: '2026-12-03T02:01:00.000Z' }) createdAt!: string;

  static from(delivery: WebhookDelivery): WebhookDeliveryResponseDto {
    return responseFields(
      delivery,
      [
        'id',
        'subscriptionId',
        'runId',
        'chunk',
        'eventCount',
        'status',
        'attempts',
        'lastStatusCode',
        'lastError',
      ],
      ['nextAttemptAt', 'lastAttemptAt', 'deliveredAt', 'createdAt'],
    );
  }
}

export class WebhookDeliveryListDto extends PageOf(WebhookDeliveryResponseDto) {}
