import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CreateMemberDto } from './dto/create-member.dto';
import { CreateIdentityDto, IdentityListDto, IdentityResponseDto } from './dto/identity.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberListDto, MemberResponseDto } from './dto/member-response.dto';
import { UpdateMemberDto } from './dto/update-member.dto';
import { IdentitiesService } from './identities.service';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@Controller('api/v1/members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly identities: IdentitiesService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a member (201), or get the same one back (200) when sent again unchanged.',
  })
  @ApiCreatedResponse({ type: MemberResponseDto })
  async create(
    @Body() body: CreateMemberDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MemberResponseDto> {
    const { member, outcome } = await this.members.create(body);
    response.status(outcome === 'created' ? 201 : 200);
    return MemberResponseDto.from(member);
  }

  @Get()
  @ApiOperation({
    summary:
      'List members: filter by tag, text, channel, campaign, acquisition dates; sort; cursor pages.',
  })
  @ApiOkResponse({ type: MemberListDto })
  async list(@Query() query: ListMembersQuery): Promise<MemberListDto> {
    const page = await this.members.list(query);
    return { ...page, items: page.items.map((member) => MemberResponseDto.from(member)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<MemberResponseDto> {
    return MemberResponseDto.from(await this.members.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields; tags, when given, replace the old ones.' })
  @ApiOkResponse({ type: MemberResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberResponseDto> {
    return MemberResponseDto.from(await this.members.update(id, body));
  }

  @Post(':id/identities')
  @ApiOperation({
    summary: "Add a member's handle on a platform; mentions by that handle link to the member.",
  })
  @ApiCreatedResponse({ type: IdentityResponseDto })
  async addIdentity(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateIdentityDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IdentityResponseDto> {
    const { identity, created } = await this.identities.add(id, body.platform, body.handle);
    response.status(created ? 201 : 200);
    return IdentityResponseDto.from(identity);
  }

  @Get(':id/identities')
  @ApiOkResponse({ type: IdentityListDto })
  async listIdentities(@Param('id', ParseIdPipe) id: string): Promise<IdentityListDto> {
    await this.members.get(id);
    const items = (await this.identities.listFor(id)).map((identity) =>
      IdentityResponseDto.from(identity),
    );
    return { items, nextCursor: null, total: items.length };
  }
}
