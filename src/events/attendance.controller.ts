import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ReplayReads } from '../common/http/replay-reads.decorator';
import { writeStatus } from '../common/http/write-outcome';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { AttendanceService, AttendanceWithGuests } from './attendance.service';
import { AttendanceListDto, AttendanceResponseDto } from './dto/attendance-response.dto';
import { CreateAttendanceDto } from './dto/create-attendance.dto';
import { ListAttendanceQuery } from './dto/list-attendance.query';
import { UpdateAttendanceDto } from './dto/update-attendance.dto';

const toResponse = ({ attendance, guests }: AttendanceWithGuests) =>
  AttendanceResponseDto.from(attendance, guests);

@ApiTags('events')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'The event.' })
@Controller('api/v1/events/:id/attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post()
  @ReplayReads('replayed')
  @ApiOperation({
    summary:
      'Record a person at the event (201): a member, or an email not yet a member, with guests brought. The same person again is 200 (updated when status, its dates or guests changed); another role is 409. An unknown event is 404.',
  })
  @ApiCreatedResponse({ type: AttendanceResponseDto })
  @ApiOkResponse({ type: AttendanceResponseDto, description: 'Sent before: unchanged or updated.' })
  async create(
    @Param('id', ParseIdPipe) eventId: string,
    @Body() body: CreateAttendanceDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttendanceResponseDto> {
    const recorded = await this.attendance.record(eventId, body);
    response.status(writeStatus(recorded.outcome));
    return toResponse(recorded);
  }

  /** An Idempotency-Key replay of recording a person: their attendance as it is now. */
  async replayed(attendanceId: string, request: Request): Promise<AttendanceResponseDto> {
    return toResponse(await this.attendance.get(request.params.id as string, attendanceId));
  }

  @Get()
  @ApiOperation({
    summary: "The event's attendance by registration: filter by role, status, member.",
  })
  @ApiOkResponse({ type: AttendanceListDto })
  async list(
    @Param('id', ParseIdPipe) eventId: string,
    @Query() query: ListAttendanceQuery,
  ): Promise<AttendanceListDto> {
    const page = await this.attendance.list(eventId, query);
    return { ...page, items: page.items.map(toResponse) };
  }

  @Get(':attendanceId')
  @ApiOkResponse({ type: AttendanceResponseDto })
  async get(
    @Param('id', ParseIdPipe) eventId: string,
    @Param('attendanceId', ParseIdPipe) attendanceId: string,
  ): Promise<AttendanceResponseDto> {
    return toResponse(await this.attendance.get(eventId, attendanceId));
  }

  @Patch(':attendanceId')
  @ApiOperation({
    summary:
      'Change role, status (dated: attendedAt, noShowAt) or the guest list (given, it replaces the old one).',
  })
  @ApiOkResponse({ type: AttendanceResponseDto })
  async update(
    @Param('id', ParseIdPipe) eventId: string,
    @Param('attendanceId', ParseIdPipe) attendanceId: string,
    @Body() body: UpdateAttendanceDto,
  ): Promise<AttendanceResponseDto> {
    return toResponse(await this.attendance.update(eventId, attendanceId, body));
  }

  @Delete(':attendanceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an attendance with its guests.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(
    @Param('id', ParseIdPipe) eventId: string,
    @Param('attendanceId', ParseIdPipe) attendanceId: string,
  ): Promise<void> {
    await this.attendance.remove(eventId, attendanceId);
  }
}
