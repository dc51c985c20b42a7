import { ApiProperty } from '@nestjs/swagger';

export class HealthReasonDto {
  @ApiProperty({
    example: 'RECOMPUTE_FAILED',
    description:
      'RECOMPUTE_FAILED, RECOMPUTE_OVERDUE, RECOMPUTE_STALE, DIGEST_FAILURES, OUTBOX_RETENTION_OVERDUE, MIGRATIONS_PENDING, CHECK_FAILED, WEBHOOK_FAILURES (an outbound webhook delivery gave up in the last 24 hours); a module with a check of its own may add more. Codes never change; the text may.',
  })
  code!: string;
  @ApiProperty({ example: 'The last recompute of values failed (2026-12-03).' }) text!: string;
}

export class HealthDatabaseDto {
  @ApiProperty({ example: 'better-sqlite3', description: 'better-sqlite3 or postgres.' })
  type!: string;
  @ApiProperty({ example: true }) ready!: boolean;
}

export class HealthDto {
  @ApiProperty({
    enum: ['ok', 'degraded', 'unavailable'],
    description:
      'ok; degraded (still serving, see reasons); unavailable (503: the database does not answer).',
  })
  status!: 'ok' | 'degraded' | 'unavailable';
  @ApiProperty({ type: HealthDatabaseDto }) database!: HealthDatabaseDto;
  @ApiProperty({ type: [HealthReasonDto] }) reasons!: HealthReasonDto[];
}
