import { ApiProperty } from '@nestjs/swagger';
import { CLAIM_STATUSES } from '../digest-claim.entity';
import { DeliveryResponseDto } from './delivery-response.dto';

export class SendResultDto {
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' })
  claimId!: string;
  @ApiProperty({ example: '2026-11-16T07:00:00.000Z' }) periodStart!: string;
  @ApiProperty({ example: '2026-11-23T07:00:00.000Z' }) periodEnd!: string;
  @ApiProperty({
    enum: CLAIM_STATUSES,
    example: 'completed',
    description:
      'completed (every recipient done), open (some are waiting for a retry), skipped (nothing to report and whenEmpty is skip).',
  })
  status!: string;
  @ApiProperty({ example: false }) forced!: boolean;
  @ApiProperty({ type: [DeliveryResponseDto] }) deliveries!: DeliveryResponseDto[];
}
