import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AttendanceChangesDto } from './attendance-changes.dto';

/**
 * One person at an event: a member (memberId, memberExternalId, memberEmail, or platform and
 * handle), or the email of someone not yet a member. (event, member) and (event, email) are
 * the natural key.
 */
export class CreateAttendanceDto extends AttendanceChangesDto {
  @ApiPropertyOptional({
    description: 'Your id for the attendance; unique, the idempotency key when given.',
    example: 'eventbrite-att-5521',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The member who came.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ example: 'crm-10042', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  memberExternalId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Must be a member’s email.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  memberEmail?: string;

  @ApiPropertyOptional({
    example: 'instagram',
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

  @ApiPropertyOptional({
    example: 'newcomer@example.com',
    description:
      "Instead of a member: the person's email. A member's email links that member; another links the member created with it later.",
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email?: string;
}
