import { ApiProperty } from '@nestjs/swagger';

const INSTANT = { example: '2026-12-03T02:00:00.000Z' };
const NULLABLE_INSTANT = { nullable: true, type: String, example: '2026-12-03T02:00:41.000Z' };

export class RunOverviewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(INSTANT) asOf!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ example: 'schedule', description: 'api, schedule or cli.' }) trigger!: string;
  @ApiProperty(INSTANT) startedAt!: string;
  @ApiProperty(NULLABLE_INSTANT) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 41_200 }) durationMs!: number | null;
  @ApiProperty({ example: 8200 }) membersValued!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed.' })
  error!: string | null;
}

export class RecomputeSectionDto {
  @ApiProperty({ type: RunOverviewDto, nullable: true, description: 'The run started last.' })
  last!: RunOverviewDto | null;
  @ApiProperty({ type: RunOverviewDto, nullable: true }) lastSucceeded!: RunOverviewDto | null;
  @ApiProperty({
    type: RunOverviewDto,
    nullable: true,
    description: 'A run going on now (its instance still holds the recompute lease).',
  })
  running!: RunOverviewDto | null;
  @ApiProperty({
    type: [RunOverviewDto],
    description: 'Runs still marked running whose lease expired: the instance running them died.',
  })
  stale!: RunOverviewDto[];
  @ApiProperty({
    type: [RunOverviewDto],
    description: 'Failed runs of the window, newest first (≤ 20).',
  })
  failed!: RunOverviewDto[];
  @ApiProperty({ example: 0 }) failedCount!: number;
  @ApiProperty({ example: 7 }) windowDays!: number;
}

export class DeliveryFailureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ example: 'community@example.com' }) recipient!: string;
  @ApiProperty({ enum: ['failed', 'failed-permanent'] }) status!: string;
  @ApiProperty({ example: 5 }) attempts!: number;
  @ApiProperty(NULLABLE_INSTANT) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '550 mailbox unavailable' })
  lastResponse!: string | null;
}

export class DigestSectionDto {
  @ApiProperty({ example: 0, description: 'Deliveries that gave up in the last 24 hours.' })
  failedLast24h!: number;
  @ApiProperty({ example: 0 }) failedInWindow!: number;
  @ApiProperty({ example: 0, description: 'Waiting for another attempt.' }) retrying!: number;
  @ApiProperty({ type: [DeliveryFailureDto] }) recentFailures!: DeliveryFailureDto[];
  @ApiProperty({ example: 7 }) windowDays!: number;
}

export class WebhookFailureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'hooks.example.com',
    description:
      'The subscription url’s host (and port) only: its path may carry a token. Null when the subscription was deleted.',
  })
  host!: string | null;
  @ApiProperty({ example: 3 }) eventCount!: number;
  @ApiProperty({ example: 5 }) attempts!: number;
  @ApiProperty(NULLABLE_INSTANT) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 500 }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500 Internal Server Error' })
  lastError!: string | null;
}

export class WebhooksSectionDto {
  @ApiProperty({
    example: 0,
    description: 'Outbound deliveries that gave up (failed) in the last 24 hours.',
  })
  failedLast24h!: number;
  @ApiProperty({ example: 0 }) failedInWindow!: number;
  @ApiProperty({ example: 0, description: 'Waiting for another attempt.' }) retrying!: number;
  @ApiProperty({
    type: [WebhookFailureDto],
    description: 'The window’s failures, newest first (≤ 20); no payload, no secret.',
  })
  recentFailures!: WebhookFailureDto[];
  @ApiProperty({ example: 7 }) windowDays!: number;
}

export class OutboxSectionDto {
  @ApiProperty({ enum: ['smtp', 'outbox'] }) transport!: string;
  @ApiProperty({ example: '/srv/halo/data/outbox' }) folder!: string;
  @ApiProperty({ example: 30 }) retentionDays!: number;
  @ApiProperty({ example: 12 }) files!: number;
  @ApiProperty({ example: 182_340 }) bytes!: number;
  @ApiProperty(NULLABLE_INSTANT) oldestAt!: string | null;
  @ApiProperty({
    example: 0,
    description: 'Files more than a day past the retention: the daily clean-up has not run.',
  })
  overdue!: number;
}

export class SqliteFilesDto {
  @ApiProperty({ example: '/srv/halo/data/halo.sqlite' }) file!: string;
  @ApiProperty({ example: 52_428_800 }) fileBytes!: number;
  @ApiProperty({ example: 4_120_032 }) walBytes!: number;
}

export class MigrationsDto {
  @ApiProperty({ example: 20 }) applied!: number;
  @ApiProperty({ example: 0 }) pending!: number;
  @ApiProperty({ nullable: true, type: String, example: 'SystemIndexes1733000050000' })
  last!: string | null;
}

export class DatabaseSectionDto {
  @ApiProperty({ enum: ['sqlite', 'postgres'] }) kind!: string;
  @ApiProperty({
    example: 56_548_832,
    description: 'SQLite: file + WAL; PostgreSQL: pg_database_size.',
  })
  sizeBytes!: number;
  @ApiProperty({ type: SqliteFilesDto, nullable: true }) sqlite!: SqliteFilesDto | null;
  @ApiProperty({ type: MigrationsDto }) migrations!: MigrationsDto;
}

export class ImportsSectionDto {
  @ApiProperty({ example: 0, description: 'HTTP imports running on the instance that answered.' })
  running!: number;
  @ApiProperty({ example: 2 }) maxConcurrent!: number;
}
