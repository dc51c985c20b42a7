import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { MergeOutcome } from '../member-merge.service';
import { MemberResponseDto } from './member-response.dto';

export class MergeMemberDto {
  @ApiProperty({
    format: 'uuid',
    example: '2f1c6a0e-9b1d-4c55-8a43-0d6f3f7a9e21',
    description: 'The duplicate whose records move onto this member; it stays as a pointer.',
  })
  @IsUUID('all', { message: 'must be a UUID' })
  otherMemberId!: string;
}

export class MergeMovedDto {
  @ApiProperty({ example: 2 }) identities!: number;
  @ApiProperty({ example: 1, description: 'Tags the survivor did not have yet.' }) tags!: number;
  @ApiProperty({ example: 5 }) purchases!: number;
  @ApiProperty({ example: 1 }) reviews!: number;
  @ApiProperty({ example: 3 }) mentions!: number;
  @ApiProperty({ example: 1 }) feedback!: number;
  @ApiProperty({ example: 1 }) attendance!: number;
  @ApiProperty({
    example: 1,
    description: 'Guests moved to the survivor’s attendance, or now naming the survivor as guest.',
  })
  eventGuests!: number;
  @ApiProperty({ example: 2 }) referralsMade!: number;
  @ApiProperty({ example: 1 }) referralsReceived!: number;
}

export class MergeDroppedDto {
  @ApiProperty({ example: 1, description: 'Tags both members had.' }) tags!: number;
  @ApiProperty({
    example: 0,
    description: 'Feedback the survivor had already (same text and date).',
  })
  feedback!: number;
  @ApiProperty({ example: 1, description: 'Attendance at an event the survivor attended too.' })
  attendance!: number;
  @ApiProperty({
    example: 0,
    description: 'Guests the survivor already listed, or the survivor as their own guest.',
  })
  eventGuests!: number;
  @ApiProperty({
    example: 0,
    description: 'A second referral by the same referrer (the less advanced one).',
  })
  referralsReceived!: number;
  @ApiProperty({
    example: 3,
    description: 'The other member’s value snapshots; recompute values afterwards.',
  })
  valueSnapshots!: number;
}

export class MergeResultDto {
  @ApiProperty({ type: MemberResponseDto, description: 'The member that holds every record now.' })
  survivor!: MemberResponseDto;
  @ApiProperty({
    type: MemberResponseDto,
    description: 'The other member, now a pointer (mergedIntoId).',
  })
  merged!: MemberResponseDto;
  @ApiProperty({
    type: MergeMovedDto,
    required: false,
    description: 'Absent on an Idempotency-Key replay (what the merge moved is not kept).',
  })
  moved?: MergeMovedDto;
  @ApiProperty({ type: MergeDroppedDto, required: false, description: 'Absent on a replay.' })
  dropped?: MergeDroppedDto;

  static from(outcome: MergeOutcome): MergeResultDto {
    return {
      survivor: MemberResponseDto.from(outcome.survivor),
      merged: MemberResponseDto.from(outcome.merged),
      moved: outcome.moved,
      dropped: outcome.dropped,
    };
  }
}
