import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import {
  ATTENDANCE_ROLES,
  ATTENDANCE_STATUSES,
  AttendanceRole,
  AttendanceStatus,
} from '../attendance.entity';

export class ListAttendanceQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ATTENDANCE_ROLES })
  @IsOptional()
  @IsIn(ATTENDANCE_ROLES)
  role?: AttendanceRole;

  @ApiPropertyOptional({ enum: ATTENDANCE_STATUSES })
  @IsOptional()
  @IsIn(ATTENDANCE_STATUSES)
  status?: AttendanceStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  memberId?: string;
}
