import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable';
import { DIGEST_SECTIONS, DigestSection } from '../content/digest-sections';
import {
  DIGEST_LANGUAGES,
  DigestLanguage,
  MISSED,
  Missed,
  WHEN_EMPTY,
  WhenEmpty,
} from '../digest-subscription.entity';
import { CADENCES, Cadence, WEEKDAYS, Weekday } from '../schedule/digest-schedule';
import { DigestFiltersDto } from './digest-filters.dto';
import { IsDigestCron, IsTimeZone } from './digest-validators';

/**
 * The writable fields of a digest subscription, shared by create and update. Fields that
 * cannot be emptied may be left out but not sent as null; null clears the others.
 */
export class SubscriptionFieldsDto {
  @ApiPropertyOptional({ example: 'Community team, weekly', maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['community@example.com', 'marketing@example.com'],
    description: '1–50 email addresses; each gets its own copy.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true, message: 'each value in recipients must be an email address' })
  @MaxLength(320, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({
    enum: CADENCES,
    example: 'weekly',
    description: 'weekly needs weekday, monthly needs dayOfMonth, cron needs cron.',
  })
  @IsOmittable()
  @IsIn(CADENCES)
  cadence?: Cadence;

  @ApiPropertyOptional({ enum: WEEKDAYS, example: 'monday', nullable: true })
  @IsOptional()
  @IsIn(WEEKDAYS)
  weekday?: Weekday | null;

  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: 31,
    nullable: true,
    description: 'A day a month does not have means its last day (31 → 28 February).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  dayOfMonth?: number | null;

  @ApiPropertyOptional({
    example: '0 8 * * 1-5',
    nullable: true,
    description: 'Five fields in the subscription time zone, at most once an hour.',
  })
  @IsOptional()
  @IsDigestCron()
  cron?: string | null;

  @ApiPropertyOptional({ example: 'Europe/Rome', description: 'IANA time zone.' })
  @IsOmittable()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    example: '08:00',
    default: '08:00',
    description:
      'Local time of the send (HH:mm); a time skipped by a DST change moves forward, a repeated one takes the first.',
  })
  @IsOmittable()
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a local time HH:mm such as "08:00"' })
  sendAt?: string;

  @ApiPropertyOptional({ enum: DIGEST_LANGUAGES, default: 'en', example: 'it' })
  @IsOmittable()
  @IsIn(DIGEST_LANGUAGES)
  language?: DigestLanguage;

  @ApiPropertyOptional({
    enum: DIGEST_SECTIONS,
    isArray: true,
    example: ['community', 'topAdvocates', 'atRisk'],
    description: 'Which sections, in this order (default: all).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DIGEST_SECTIONS, { each: true })
  sections?: DigestSection[];

  @ApiPropertyOptional({ type: DigestFiltersDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DigestFiltersDto)
  filters?: DigestFiltersDto | null;

  @ApiPropertyOptional({
    enum: WHEN_EMPTY,
    default: 'skip',
    description: 'A period with nothing to report: not sent, or sent as a one-line note.',
  })
  @IsOmittable()
  @IsIn(WHEN_EMPTY)
  whenEmpty?: WhenEmpty;

  @ApiPropertyOptional({
    enum: MISSED,
    default: 'catchUp',
    description:
      'Periods missed while Halo was down: each sent once (catchUp), or only the latest.',
  })
  @IsOmittable()
  @IsIn(MISSED)
  missed?: Missed;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}
