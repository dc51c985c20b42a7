import { ApiProperty } from '@nestjs/swagger';
import {
  DatabaseSectionDto,
  DigestSectionDto,
  ImportsSectionDto,
  OutboxSectionDto,
  RecomputeSectionDto,
  WebhooksSectionDto,
} from './system-sections.dto';

export class SystemReasonDto {
  @ApiProperty({ example: 'DIGEST_FAILURES' }) code!: string;
  @ApiProperty({ example: 'digests', description: 'The section that gave the reason.' })
  check!: string;
  @ApiProperty({ example: '2 digest deliveries failed in the last 24 hours.' }) text!: string;
}

export class SystemSectionsDto {
  @ApiProperty({ type: DatabaseSectionDto }) database!: DatabaseSectionDto;
  @ApiProperty({ type: RecomputeSectionDto }) recompute!: RecomputeSectionDto;
  @ApiProperty({ type: DigestSectionDto }) digests!: DigestSectionDto;
  @ApiProperty({ type: OutboxSectionDto }) outbox!: OutboxSectionDto;
  @ApiProperty({ type: ImportsSectionDto }) imports!: ImportsSectionDto;
  @ApiProperty({ type: WebhooksSectionDto, description: 'Given by the webhooks module.' })
  webhooks!: WebhooksSectionDto;
}

export class SystemSummaryDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: [SystemReasonDto] }) reasons!: SystemReasonDto[];
  @ApiProperty({ example: '2026-12-03T09:00:00.000Z' }) checkedAt!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' }) startedAt!: string;
  @ApiProperty({ example: 176_400 }) uptimeSeconds!: number;
  @ApiProperty({
    type: SystemSectionsDto,
    description:
      'One section per check; modules add their own (webhooks), so more keys than these may appear.',
  })
  sections!: SystemSectionsDto & Record<string, object>;
}
