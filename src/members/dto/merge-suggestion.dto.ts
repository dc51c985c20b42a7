import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { toIso } from '../../common/dates/iso-date';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { DUPLICATE_REASONS, DuplicatePair, DuplicateReasonCode } from '../duplicate-finder';
import { MergeDismissal } from '../merge-dismissal.entity';
import { Member } from '../member.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class MergeSuggestionsQuery extends OmitType(PageQueryDto, ['order'] as const) {
  @ApiPropertyOptional({ enum: DUPLICATE_REASONS, description: 'Only pairs with this reason.' })
  @IsOptional()
  @IsIn(DUPLICATE_REASONS)
  reason?: DuplicateReasonCode;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    example: 0.8,
    description: 'Only pairs at least this likely.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0)
  @Max(1)
  minConfidence?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only pairs that include this member.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  memberId?: string;
}

export class DuplicateReasonDto {
  @ApiProperty({ enum: DUPLICATE_REASONS, example: 'same_email' }) code!: DuplicateReasonCode;
  @ApiProperty({ example: 0.9, description: 'What this reason alone says (0–1).' })
  confidence!: number;
  @ApiProperty({
    example: 'both emails are the mailbox ada@gmail.com ignoring case, dots and +tags',
  })
  detail!: string;
}

export class SuggestedMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'crm-10042' }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'a.da+shop@gmail.com' }) email!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Ada Lovelace' }) name!: string | null;
  @ApiProperty({ example: '2026-01-10T09:00:00.000Z' }) createdAt!: string;

  static from(member: Member): SuggestedMemberDto {
    return responseFields(member, ['id', 'externalId', 'email', 'name'], ['createdAt']);
  }
}

export class MergeSuggestionDto {
  @ApiProperty({ format: 'uuid', description: 'The older member: the suggested survivor.' })
  memberId!: string;
  @ApiProperty({ format: 'uuid', description: 'The suggested duplicate to merge into memberId.' })
  otherMemberId!: string;
  @ApiProperty({ example: 0.96, description: '1 − Π(1 − reason confidence), at most 0.99.' })
  confidence!: number;
  @ApiProperty({ type: [DuplicateReasonDto] }) reasons!: DuplicateReasonDto[];
  @ApiProperty({ type: SuggestedMemberDto }) member!: SuggestedMemberDto;
  @ApiProperty({ type: SuggestedMemberDto }) otherMember!: SuggestedMemberDto;

  static from(pair: DuplicatePair, members: Map<string, Member>): MergeSuggestionDto {
    return {
      memberId: pair.memberId,
      otherMemberId: pair.otherMemberId,
      confidence: pair.confidence,
      reasons: pair.reasons,
      member: SuggestedMemberDto.from(members.get(pair.memberId)!),
      otherMember: SuggestedMemberDto.from(members.get(pair.otherMemberId)!),
    };
  }
}

export class MergeSuggestionListDto extends PageOf(MergeSuggestionDto, { example: 3 }) {}

export class DismissMergeSuggestionDto {
  @ApiProperty({ format: 'uuid', example: '2f1c6a0e-9b1d-4c55-8a43-0d6f3f7a9e21' })
  @IsUUID('all', { message: 'must be a UUID' })
  memberId!: string;

  @ApiProperty({ format: 'uuid', example: '7d0e1b52-3c4a-4f7e-9a11-5b2c8d9e0f13' })
  @IsUUID('all', { message: 'must be a UUID' })
  otherMemberId!: string;
}

export class MergeDismissalDto {
  @ApiProperty({ format: 'uuid', description: 'The smaller id of the pair.' }) memberId!: string;
  @ApiProperty({ format: 'uuid', description: 'The larger id of the pair.' })
  otherMemberId!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) dismissedAt!: string;

  static from(dismissal: MergeDismissal): MergeDismissalDto {
    return {
      memberId: dismissal.memberId,
      otherMemberId: dismissal.otherMemberId,
      dismissedAt: toIso(dismissal.createdAt)!,
    };
  }
}
