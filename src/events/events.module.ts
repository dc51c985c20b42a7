import { Module, OnModuleInit } from '@nestjs/common';
import { CurrencyConverter } from '../config/currency-converter.service';
import { ImportRegistry } from '../imports/import-registry';
import { MembersModule } from '../members/members.module';
import { MembersService } from '../members/members.service';
import { MergeMovers } from '../members/merge-movers';
import { TimelineSources } from '../members/timeline-sources';
import { attendanceMergeMover } from './attendance-merge-mover';
import { attendanceTimelineSource } from './attendance-timeline-source';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { linkWaitingRecords } from './attendee';
import { CreateEventDto } from './dto/event-fields';
import { ImportAttendanceDto } from './dto/import-attendance.dto';
import { EventGuestsService } from './event-guests.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Attendance } from './attendance.entity';
import { EventGuest } from './event-guest.entity';
import { CommunityEvent } from './event.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Attendance, EventGuest, CommunityEvent]), MembersModule],
  controllers: [EventsController, AttendanceController],
  providers: [
    AttendanceRepository,
    EventsService,
    AttendanceService,
    EventGuestsService,
    CurrencyConverter,
  ],
  exports: [EventsService, AttendanceService, EventGuestsService],
})
export class EventsModule implements OnModuleInit {
  constructor(
    private readonly registry: ImportRegistry,
    private readonly members: MembersService,
    private readonly events: EventsService,
    private readonly attendance: AttendanceService,
    private readonly timeline: TimelineSources,
    private readonly merges: MergeMovers,
  ) {}

  onModuleInit(): void {
    this.members.onMemberCreated(linkWaitingRecords);
    this.timeline.register(attendanceTimelineSource);
    this.merges.register(attendanceMergeMover);
    this.registry.register({
      type: 'events',
      dto: CreateEventDto,
      write: async (manager, row) => (await this.events.create(row, manager)).outcome,
    });
    this.registry.register({
      type: 'attendance',
      dto: ImportAttendanceDto,
      write: async (manager, row) => {
        const { eventId, eventExternalId, ...attendance } = row;
        const event = await this.events.resolveReference(manager, { eventId, eventExternalId });
        return (await this.attendance.recordAt(manager, event, attendance)).outcome;
      },
    });
  }
}
