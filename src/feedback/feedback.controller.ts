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
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { FeedbackListDto, FeedbackResponseDto } from './dto/feedback-response.dto';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { UpdateFeedbackDto } from './dto/update-feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @ApiOperation({
    summary:
      "Record a member's idea, bug or praise (201). Sent again: 200, updated when the status moved on; other content 409; an impossible status change 422.",
  })
  @ApiCreatedResponse({ type: FeedbackResponseDto })
  @ApiOkResponse({ type: FeedbackResponseDto, description: 'Sent before: unchanged or updated.' })
  async create(
    @Body() body: CreateFeedbackDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FeedbackResponseDto> {
    const { feedback, outcome } = await this.feedback.record(body);
    response.status(outcome === 'created' ? 201 : 200);
    return FeedbackResponseDto.from(feedback);
  }

  @Get()
  @ApiOperation({
    summary: 'List feedback, newest first: filter by member, kind, status and submittedAt range.',
  })
  @ApiOkResponse({ type: FeedbackListDto })
  async list(@Query() query: ListFeedbackQuery): Promise<FeedbackListDto> {
    const page = await this.feedback.list(query);
    return { ...page, items: page.items.map((feedback) => FeedbackResponseDto.from(feedback)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: FeedbackResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<FeedbackResponseDto> {
    return FeedbackResponseDto.from(await this.feedback.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Move the status on (each change dated: acceptedAt, shippedAt, declinedAt; default now) or correct the kind.',
  })
  @ApiOkResponse({ type: FeedbackResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateFeedbackDto,
  ): Promise<FeedbackResponseDto> {
    return FeedbackResponseDto.from(await this.feedback.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a feedback item.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(@Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.feedback.remove(id);
  }
}
