import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import {
  ATTENDANCE_ROLES,
  ATTENDANCE_STATUSES,
  AttendanceRole,
  AttendanceStatus,
} from '../attendance.entity';

/** The fields of an attendance a PATCH may change; a field left out keeps its value. */
export class AttendanceChangesDto {
  @ApiPropertyOptional({ enum: ATTENDANCE_ROLES, default: 'attendee', example: 'speaker' })
  @IsOptional()
  @IsIn(ATTENDANCE_ROLES)
  role?: AttendanceRole;

  @ApiPropertyOptional({
    enum: ATTENDANCE_STATUSES,
    default: 'registered',
    example: 'attended',
    description:
      'registered → attended or no-show (those two may be corrected into each other); never back to registered. Attended and no-show need an event that has started.',
  })
  @IsOptional()
  @IsIn(ATTENDANCE_STATUSES)
  status?: AttendanceStatus;

  @ApiPropertyOptional({
    description:
      'When they registered; default now, or the event start if earlier. At most a day ahead.',
    example: '2026-11-20T09:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  registeredAt?: string;

  @ApiPropertyOptional({
    description: 'Only with status attended; default the event start. At most a day ahead.',
    example: '2026-12-05T18:10:00+01:00',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  attendedAt?: string;

  @ApiPropertyOptional({
    description: 'Only with status no-show; default the event start. At most a day ahead.',
    example: '2026-12-05T18:00:00+01:00',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  noShowAt?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Guests brought who are members. Given (with guestEmails), the guest list replaces the old one.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'must be a list of UUIDs' })
  guestMemberIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['friend@example.com'],
    description:
      "Guests brought, by email; a member's email links that member, another links the member created with it later.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsEmail({}, { each: true, message: 'must be a list of email addresses' })
  @MaxLength(320, { each: true })
  guestEmails?: string[];
}
