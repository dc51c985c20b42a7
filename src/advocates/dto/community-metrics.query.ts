import { CsvLocale } from '../../common/csv/csv-locale';
import { CsvLocaleProperty } from '../../common/csv/csv-locale-property';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoInstant } from '../../common/validation/decorators';
import { INTERVALS, Interval } from '../metrics/intervals';

export class CommunityMetricsQuery {
  @ApiPropertyOptional({
    description: 'Start (inclusive, UTC); default 30 days before `to`.',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'End (exclusive, UTC); default the start of tomorrow, so that today counts.',
    example: '2026-04-01',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({
    enum: INTERVALS,
    default: 'day',
    description:
      'UTC days, ISO weeks (Monday) or calendar months; the first and last may be partial.',
  })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;

  @ApiPropertyOptional({
    description:
      'Only members carrying this tag, in every measure (their mentions, orders, activity; reach counts only their mentions).',
    example: 'vip',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/\S/, { message: 'must not be blank' })
  tag?: string;

  @ApiPropertyOptional({
    description:
      'Only mentions and reviews on this platform (case-insensitive): reach and awareness, the mention and review interactions, and the members active through them. Orders, referrals, events, feedback and acquisition are not narrowed.',
    example: 'instagram',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/\S/, { message: 'must not be blank' })
  platform?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description:
      'csv: one row per interval and one for the total, measures and changes as columns.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @CsvLocaleProperty()
  locale?: CsvLocale;
}
