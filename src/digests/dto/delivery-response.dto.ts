import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, DigestDelivery } from '../digest-delivery.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' })
  subscriptionId!: string;
  @ApiProperty({
    format: 'uuid',
    example: '9b1d4c7e-2f3a-4b5c-8d6e-7f8091a2b3c4',
    description: 'The claim of the period this copy belongs to.',
  })
  claimId!: string;
  @ApiProperty({ example: 'community@example.com' }) recipient!: string;
  @ApiProperty({ example: '2026-11-16T07:00:00.000Z' }) periodStart!: string;
  @ApiProperty({ example: '2026-11-23T07:00:00.000Z' }) periodEnd!: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    example: 'sent',
    description:
      'pending, retrying (temporary failure, see nextAttemptAt), sent, failed (gave up after the attempt limit), failed-permanent (refused by the server), skipped (nothing to report).',
  })
  status!: string;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T07:00:02.000Z' })
  lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T07:00:02.000Z' }) sentAt!:
    string | null;
  @ApiProperty({ example: '<digest.5f0c….20261116T070000Z.1a2b3c4d5e6f@example.com>' })
  messageId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '250 OK: message queued',
    description: "The server's answer or the error of the last attempt.",
  })
  lastResponse!: string | null;
  @ApiProperty({ example: '2026-11-23T07:00:01.000Z' }) createdAt!: string;

  static from(delivery: DigestDelivery): DeliveryResponseDto {
    return responseFields(
      delivery,
      [
        'id',
        'subscriptionId',
        'claimId',
        'recipient',
        'status',
        'attempts',
        'messageId',
        'lastResponse',
      ],
      ['periodStart', 'periodEnd', 'lastAttemptAt', 'nextAttemptAt', 'sentAt', 'createdAt'],
    );
  }
}

export class DeliveryListDto extends PageOf(DeliveryResponseDto) {}
