import { ApiProperty } from '@nestjs/swagger';
import { Mention } from '../mention.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class MentionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'brandwatch-88123' }) externalId!:
    string | null;
  @ApiProperty({ example: 'instagram' }) platform!: string;
  @ApiProperty({ example: 'ada' }) handle!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Null while no identity names the handle.',
  })
  memberId!: string | null;
  @ApiProperty({ example: 'https://instagram.com/p/AbC123?utm_source=x', description: 'As sent.' })
  url!: string;
  @ApiProperty({ example: 'https://instagram.com/p/AbC123', description: 'The idempotency key.' })
  urlNormalized!: string;
  @ApiProperty({ nullable: true, type: String, example: '3141592653' }) externalPostId!:
    string | null;
  @ApiProperty({ example: '2026-11-20T09:30:00.000Z' }) postedAt!: string;
  @ApiProperty({ example: 12000 }) reach!: number;
  @ApiProperty({ example: 340 }) likes!: number;
  @ApiProperty({ example: 12 }) shares!: number;
  @ApiProperty({ example: 25 }) comments!: number;
  @ApiProperty({ example: 80 }) clicks!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.6 }) sentiment!: number | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;

  static from(mention: Mention): MentionResponseDto {
    return responseFields(
      mention,
      [
        'id',
        'externalId',
        'platform',
        'handle',
        'memberId',
        'url',
        'urlNormalized',
        'externalPostId',
        'reach',
        'likes',
        'shares',
        'comments',
        'clicks',
        'sentiment',
      ],
      ['postedAt', 'createdAt', 'updatedAt'],
    );
  }
}

export class MentionListDto extends PageOf(MentionResponseDto) {}
