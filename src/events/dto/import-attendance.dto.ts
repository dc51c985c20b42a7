import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CreateAttendanceDto } from './create-attendance.dto';

/** An attendance row of a bulk import: it names its event by eventId or eventExternalId. */
export class ImportAttendanceDto extends CreateAttendanceDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  eventId?: string;

  @ApiPropertyOptional({ example: 'meetup-2026-12-berlin', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  eventExternalId?: string;
}
