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
import { CreateMentionDto } from './dto/create-mention.dto';
import { ListMentionsQuery } from './dto/list-mentions.query';
import { MentionListDto, MentionResponseDto } from './dto/mention-response.dto';
import { UpdateMentionDto } from './dto/update-mention.dto';
import { MentionsService } from './mentions.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('api/v1/mentions')
export class MentionsController {
  constructor(private readonly mentions: MentionsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a mention (201). The same url (normalised), externalId or (platform, externalPostId) again: 200 unchanged, or 200 with its counters updated; other content is 409.',
  })
  @ApiCreatedResponse({ type: MentionResponseDto })
  @ApiOkResponse({ type: MentionResponseDto, description: 'Already stored: unchanged or updated.' })
  async create(
    @Body() body: CreateMentionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MentionResponseDto> {
    const { mention, outcome } = await this.mentions.write(body);
    response.status(outcome === 'created' ? 201 : 200);
    return MentionResponseDto.from(mention);
  }

  @Get()
  @ApiOperation({
    summary:
      'List mentions, newest first: filter by member, platform, handle, unlinked, postedAt range, minimum reach.',
  })
  @ApiOkResponse({ type: MentionListDto })
  async list(@Query() query: ListMentionsQuery): Promise<MentionListDto> {
    const page = await this.mentions.list(query);
    return { ...page, items: page.items.map((mention) => MentionResponseDto.from(mention)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: MentionResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<MentionResponseDto> {
    return MentionResponseDto.from(await this.mentions.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change counters or sentiment; fields left out keep their values.' })
  @ApiOkResponse({ type: MentionResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateMentionDto,
  ): Promise<MentionResponseDto> {
    return MentionResponseDto.from(await this.mentions.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a mention; purchases that named it by url no longer do.' })
  @ApiNoContentResponse()
  async remove(@Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.mentions.remove(id);
  }
}
