import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_ROLES, ATTENDANCE_STATUSES, Attendance } from '../attendance.entity';
import { EventGuest } from '../event-guest.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class GuestResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Set once the guest is a member.',
  })
  memberId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'friend@example.com' })
  email!: string | null;

  static from(guest: EventGuest): GuestResponseDto {
    return { id: guest.id, memberId: guest.guestMemberId, email: guest.guestEmail };
  }
}

export class AttendanceResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'eventbrite-att-5521' })
  externalId!: string | null;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Null while the person is not a member.',
  })
  memberId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'newcomer@example.com',
    description: 'The email given for someone who was not a member.',
  })
  email!: string | null;
  @ApiProperty({ enum: ATTENDANCE_ROLES, example: 'attendee' }) role!: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, example: 'attended' }) status!: string;
  @ApiProperty({ example: '2026-11-20T09:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05T17:10:00.000Z' })
  attendedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) noShowAt!: string | null;
  @ApiProperty({ type: [GuestResponseDto] }) guests!: GuestResponseDto[];
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;

  static from(attendance: Attendance, guests: EventGuest[]): AttendanceResponseDto {
    return {
      ...responseFields(
        attendance,
        ['id', 'externalId', 'eventId', 'memberId', 'email', 'role', 'status'],
        ['registeredAt', 'attendedAt', 'noShowAt', 'createdAt', 'updatedAt'],
      ),
      guests: guests.map((guest) => GuestResponseDto.from(guest)),
    };
  }
}

export class AttendanceListDto extends PageOf(AttendanceResponseDto) {}
