import { Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

export interface MemberReferenceFields {
  memberId?: string;
  memberExternalId?: string;
  memberEmail?: string;
}

export interface MemberHandleFields {
  platform?: string;
  handle?: string;
}

/**
 * The fields by which a record names its member (see resolveMember); `who` describes memberId
 * for the record at hand, `email` memberEmail where it needs saying. Compose it with IntersectionType.
 */
export function MemberReference(who: string, email?: string): Type<MemberReferenceFields> {
  class MemberReferenceDto implements MemberReferenceFields {
    @ApiPropertyOptional({ format: 'uuid', description: who })
    @IsOptional()
    @IsUUID('all', { message: 'must be a UUID' })
    memberId?: string;

    @ApiPropertyOptional({ example: 'crm-10042', maxLength: 200 })
    @IsOptional()
    @IsString()
    @MaxLength(200)
    memberExternalId?: string;

    @ApiPropertyOptional({ example: 'ada@example.com', maxLength: 320, description: email })
    @IsOptional()
    @IsEmail({}, { message: 'must be an email address' })
    @MaxLength(320)
    memberEmail?: string;
  }
  return MemberReferenceDto;
}

/** The member named by a handle on a platform, found through identities. */
export function MemberHandle(platformExample: string): Type<MemberHandleFields> {
  class MemberHandleDto implements MemberHandleFields {
    @ApiPropertyOptional({
      example: platformExample,
      description: 'With handle: the member by identity.',
    })
    @IsOptional()
    @IsString()
    @Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' })
    @MaxLength(32)
    platform?: string;

    @ApiPropertyOptional({ example: '@ada', maxLength: 200 })
    @IsOptional()
    @IsString()
    @IsNotEmpty()
    @MaxLength(200)
    handle?: string;
  }
  return MemberHandleDto;
}
