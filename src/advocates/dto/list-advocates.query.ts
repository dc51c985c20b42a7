import { CsvLocale } from '../../common/csv/csv-locale';
import { CsvLocaleProperty } from '../../common/csv/csv-locale-property';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';
import { TagFilterProperty } from '../../common/validation/tag-filter-property';
import { REASON_LANGUAGES, ReasonLanguage } from '../../common/language/reason-language';

export const ADVOCATE_SORTS = [
  'advocacy',
  'extendedValue',
  'spend',
  'referral',
  'influence',
  'knowledge',
  'engagement',
  'influenceShare',
  'growth',
  'advocacyGrowth',
] as const;
export type AdvocateSort = (typeof ADVOCATE_SORTS)[number];

export const SEGMENTS = ['hidden-gems', 'rising', 'at-risk', 'new-ambassadors'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const BASES = ['all', 'measured'] as const;
export type Basis = (typeof BASES)[number];

/** The ranking's filters, sort, period (compared with the one of equal length before) and page. */
export class ListAdvocatesQuery extends PickType(PageQueryDto, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({
    description: 'Start of the period (inclusive); default 30 days before `to`.',
    example: '2026-06-01',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    description:
      'End of the period; default now. A date alone is 00:00 UTC. Given, the snapshots at or before it are ranked (the period as it stood at its end); by default the current ones.',
    example: '2026-07-01',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({
    enum: ADVOCATE_SORTS,
    description:
      'Descending. advocacy = referral + influence + knowledge (what a member is worth through others); influenceShare = influence / extended (null where extended ≤ 0, last); growth = change of the extended value between the snapshots at `from` and `to`, advocacyGrowth the change of the advocacy value. Default advocacy; in a segment, the segment’s own order (hidden-gems: advocacy, rising: advocacyGrowth).',
  })
  @IsOptional()
  @IsIn(ADVOCATE_SORTS)
  sort?: AdvocateSort;

  @ApiPropertyOptional({
    enum: SEGMENTS,
    description:
      'hidden-gems: top decile of advocacy value (> 0) with spend value below the customers’ median; rising: advocacy value grew over the period; at-risk: above the lowest tier and (activity stopped in the period after activity in the one before, or P(alive) below the threshold); new-ambassadors: in the top tier at `to` and not at `from`.',
  })
  @IsOptional()
  @IsIn(SEGMENTS)
  segment?: Segment;

  @ApiPropertyOptional({ description: 'A configured tier name.', example: 'Champion' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tier?: string;

  @TagFilterProperty()
  tag?: string;

  @ApiPropertyOptional({
    description: 'Only members with an identity or a mention on this platform.',
    example: 'instagram',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  platform?: string;

  @ApiPropertyOptional({
    description: 'At least this many orders (as of the snapshot).',
    example: 2,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  minPurchases?: number;

  @ApiPropertyOptional({
    description: 'Last activity (any kind, orders too) at or after this instant.',
    example: '2026-05-01',
  })
  @IsOptional()
  @IsIsoInstant()
  activeSince?: string;

  @ApiPropertyOptional({ description: 'Acquisition channel.', example: 'referral' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;

  @ApiPropertyOptional({
    description: 'Search in name and email (case-insensitive).',
    example: 'ada',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: BASES,
    default: 'all',
    description:
      '`measured` leaves modeled influence out of the figures, the sorts and the segments.',
  })
  @IsOptional()
  @IsIn(BASES)
  basis?: Basis;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description:
      'csv: every matching row, or `limit` rows after `offset` when a limit is given (no cursor); formula-like cells escaped.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    enum: REASON_LANGUAGES,
    description:
      'Language of `reasons` and `tierReason.text`; default the first supported language of Accept-Language, else en.',
  })
  @IsOptional()
  @IsIn(REASON_LANGUAGES)
  lang?: ReasonLanguage;

  @ApiPropertyOptional({ description: 'Rows to skip (instead of a cursor).', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;

  @CsvLocaleProperty()
  locale?: CsvLocale;
}
