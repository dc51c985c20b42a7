import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class InboundResultDto {
  @ApiProperty({
    enum: ['created', 'updated', 'unchanged', 'ignored'],
    example: 'created',
    description:
      'created (201); updated or unchanged (200: a replayed delivery changes nothing); ignored (200: nothing to store, e.g. an unpaid order).',
  })
  outcome!: string;

  @ApiPropertyOptional({ example: 'purchases', description: 'The record type written.' })
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  recordId?: string | null;

  @ApiPropertyOptional({ example: 'shopify:820982911946154508', nullable: true, type: String })
  externalId?: string | null;

  @ApiPropertyOptional({ example: 'order 820982911946154508 is not paid yet (pending)' })
  reason?: string;
}
