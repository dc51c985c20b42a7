import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { Written } from '../common/http/write-outcome';
import { CreateEventDto, UpdateEventDto } from './dto/event-fields';
import { EventListDto, EventResponseDto } from './dto/event-response.dto';
import { ListEventsQuery } from './dto/list-events.query';
import { CommunityEvent } from './event.entity';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController extends RecordRoutes({
  service: EventsService,
  response: EventResponseDto,
  create: {
    body: CreateEventDto,
    summary:
      'Record an event (201); the same externalId, or without one the same name and startsAt, with the same content returns it (200); other content is 409.',
    existing: 'Sent before: unchanged.',
  },
  list: {
    type: EventListDto,
    query: ListEventsQuery,
    summary: 'List events, latest start first: filter by kind, name and startsAt range.',
  },
  update: {
    body: UpdateEventDto,
    summary:
      'Change an event (reschedule, rename, correct the cost); a field left out keeps its value, null clears endsAt or location.',
  },
  remove: { summary: 'Delete an event with its attendance and guests.', description: 'Deleted.' },
}) {
  protected async write(body: CreateEventDto): Promise<Written<CommunityEvent>> {
    const { event, outcome } = await this.service.create(body);
    return { record: event, outcome };
  }

  protected toResponses(events: CommunityEvent[]): EventResponseDto[] {
    return events.map((event) => EventResponseDto.from(event, this.service.baseCurrency));
  }
}
