import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import { AttendanceChangesDto } from './attendance-changes.dto';
import { MemberHandle, MemberReference } from '../../members/dto/member-reference.dto';
import { ExternalIdProperty } from '../../common/validation/external-id-property';

/**
 * One person at an event: a member (memberId, memberExternalId, memberEmail, or platform and
 * handle), or the email of someone not yet a member. (event, member) and (event, email) are
 * the natural key.
 */
export class CreateAttendanceDto extends IntersectionType(
  AttendanceChangesDto,
  MemberReference('The member who came.', 'Must be a member’s email.'),
  MemberHandle('instagram'),
) {
  /** An empty external id is refused, not taken for none. */
  @MinLength(1)
  override memberExternalId?: string;

  @ExternalIdProperty(
    'Your id for the attendance; unique, the idempotency key when given.',
    'eventbrite-att-5521',
  )
  externalId?: string;

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
