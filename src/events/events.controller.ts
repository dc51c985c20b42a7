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
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CreateEventDto, UpdateEventDto } from './dto/event-fields';
import { EventListDto, EventResponseDto } from './dto/event-response.dto';
import { ListEventsQuery } from './dto/list-events.query';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record an event (201); the same externalId, or without one the same name and startsAt, with the same content returns it (200); other content is 409.',
  })
  @ApiCreatedResponse({ type: EventResponseDto })
  @ApiOkResponse({ type: EventResponseDto, description: 'Sent before: unchanged.' })
  async create(
    @Body() body: CreateEventDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventResponseDto> {
    const { event, outcome } = await this.events.create(body);
    response.status(outcome === 'created' ? 201 : 200);
    return EventResponseDto.from(event, this.events.baseCurrency);
  }

  @Get()
  @ApiOperation({
    summary: 'List events, latest start first: filter by kind, name and startsAt range.',
  })
  @ApiOkResponse({ type: EventListDto })
  async list(@Query() query: ListEventsQuery): Promise<EventListDto> {
    const page = await this.events.list(query);
    return {
      ...page,
      items: page.items.map((event) => EventResponseDto.from(event, this.events.baseCurrency)),
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: EventResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<EventResponseDto> {
    return EventResponseDto.from(await this.events.get(id), this.events.baseCurrency);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change an event (reschedule, rename, correct the cost); a field left out keeps its value, null clears endsAt or location.',
  })
  @ApiOkResponse({ type: EventResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateEventDto,
  ): Promise<EventResponseDto> {
    return EventResponseDto.from(await this.events.update(id, body), this.events.baseCurrency);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an event with its attendance and guests.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.events.remove(id);
  }
}
