import { ApiProperty } from '@nestjs/swagger';
import { Member } from '../member.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class MemberResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'crm-10042' }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'ada@example.com' }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Ada Lovelace' }) name!: string | null;
  @ApiProperty({
    example: 'ADA-7K3P9Q',
    description: 'Unique; printed on invitations, carried by purchases.',
  })
  referralCode!: string;
  @ApiProperty({ nullable: true, type: String, example: '2025-03-01T00:00:00.000Z' }) acquiredAt!:
    string | null;
  @ApiProperty({ nullable: true, enum: ['given', 'firstPurchase'] }) acquiredAtSource!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: 'referral' }) acquisitionChannel!:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) acquisitionCampaignId!:
    string | null;
  @ApiProperty({ type: [String], example: ['vip'] }) tags!: string[];
  @ApiProperty({ example: false }) profilingObjection!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When the objection was recorded.' })
  profilingObjectionAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Set when merged into another member.',
  })
  mergedIntoId!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;

  static from(member: Member): MemberResponseDto {
    return {
      ...responseFields(
        member,
        [
          'id',
          'externalId',
          'email',
          'name',
          'referralCode',
          'acquiredAtSource',
          'acquisitionChannel',
          'acquisitionCampaignId',
          'mergedIntoId',
        ],
        ['acquiredAt', 'profilingObjectionAt', 'createdAt', 'updatedAt'],
      ),
      tags: (member.tags ?? []).map((tag) => tag.tag).sort(),
      profilingObjection: member.profilingObjectionAt !== null,
    };
  }
}

export class MemberListDto extends PageOf(MemberResponseDto) {}
