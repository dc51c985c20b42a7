import { ApiProperty } from '@nestjs/swagger';
import { toIso } from '../../common/dates/iso-date';
import { DIGEST_SECTIONS, DigestSection } from '../content/digest-sections';
import {
  DIGEST_LANGUAGES,
  DigestSubscription,
  MISSED,
  WHEN_EMPTY,
} from '../digest-subscription.entity';
import { CADENCES, WEEKDAYS } from '../schedule/digest-schedule';
import { SendTimes } from '../schedule/digest-periods';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class DigestFiltersResponseDto {
  @ApiProperty({ nullable: true, type: String, example: 'vip' }) tag!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'instagram' }) platform!: string | null;
}

export class SubscriptionResponseDto {
  @ApiProperty({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Community team, weekly' }) name!:
    string | null;
  @ApiProperty({ type: [String], example: ['community@example.com'] }) recipients!: string[];
  @ApiProperty({ enum: CADENCES, example: 'weekly' }) cadence!: string;
  @ApiProperty({ enum: WEEKDAYS, nullable: true, example: 'monday' }) weekday!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) dayOfMonth!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) cron!: string | null;
  @ApiProperty({ example: 'Europe/Rome' }) timezone!: string;
  @ApiProperty({ example: '08:00' }) sendAt!: string;
  @ApiProperty({ enum: DIGEST_LANGUAGES, example: 'en' }) language!: string;
  @ApiProperty({ enum: DIGEST_SECTIONS, isArray: true, example: ['community', 'topAdvocates'] })
  sections!: DigestSection[];
  @ApiProperty({ type: DigestFiltersResponseDto }) filters!: DigestFiltersResponseDto;
  @ApiProperty({ enum: WHEN_EMPTY, example: 'skip' }) whenEmpty!: string;
  @ApiProperty({ enum: MISSED, example: 'catchUp' }) missed!: string;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-11-30T07:00:00.000Z',
    description: 'The next scheduled send (null while inactive).',
  })
  nextSendAt!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;

  static from(subscription: DigestSubscription, now = Date.now()): SubscriptionResponseDto {
    return {
      ...responseFields(
        subscription,
        [
          'id',
          'name',
          'cadence',
          'weekday',
          'dayOfMonth',
          'cron',
          'timezone',
          'sendAt',
          'language',
          'whenEmpty',
          'missed',
          'active',
        ],
        ['createdAt', 'updatedAt'],
      ),
      recipients: subscription.recipientList(),
      sections: subscription.sectionList(),
      filters: { tag: subscription.filterTag, platform: subscription.filterPlatform },
      nextSendAt: subscription.active ? toIso(new SendTimes(subscription).next(now)) : null,
    };
  }
}

export class SubscriptionListDto extends PageOf(SubscriptionResponseDto) {}
