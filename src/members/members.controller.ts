import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { RecordRoutes } from '../common/http/record-routes';
import { ReplayReads } from '../common/http/replay-reads.decorator';
import { writeStatus, Written } from '../common/http/write-outcome';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CreateMemberDto } from './dto/create-member.dto';
import { CreateIdentityDto, IdentityListDto, IdentityResponseDto } from './dto/identity.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberListDto, MemberResponseDto } from './dto/member-response.dto';
import { UpdateMemberDto } from './dto/update-member.dto';
import { IdentitiesService } from './identities.service';
import { Member } from './member.entity';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@Controller('api/v1/members')
export class MembersController extends RecordRoutes({
  service: MembersService,
  response: MemberResponseDto,
  create: {
    body: CreateMemberDto,
    summary: 'Create a member (201), or get the same one back (200) when sent again unchanged.',
  },
  list: {
    type: MemberListDto,
    query: ListMembersQuery,
    summary:
      'List members: filter by tag, text, channel, campaign, acquisition dates; sort; cursor pages.',
  },
  update: {
    body: UpdateMemberDto,
    summary: 'Change some fields; tags, when given, replace the old ones.',
  },
}) {
  constructor(
    members: MembersService,
    private readonly identities: IdentitiesService,
  ) {
    super(members);
  }

  @Post(':id/identities')
  @ReplayReads('identity')
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
    response.status(writeStatus(created ? 'created' : 'unchanged'));
    return IdentityResponseDto.from(identity);
  }

  /** An Idempotency-Key replay of adding an identity: the identity as it is now. */
  async identity(identityId: string, request: Request): Promise<IdentityResponseDto> {
    return IdentityResponseDto.from(
      await this.identities.get(request.params.id as string, identityId),
    );
  }

  @Get(':id/identities')
  @ApiOkResponse({ type: IdentityListDto })
  async listIdentities(@Param('id', ParseIdPipe) id: string): Promise<IdentityListDto> {
    await this.service.get(id);
    const items = (await this.identities.listFor(id)).map((identity) =>
      IdentityResponseDto.from(identity),
    );
    return { items, nextCursor: null, total: items.length };
  }

  @Delete(':id/identities/:identityId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Delete one of a member's identities (the handle is removed, not hidden); mentions keep their member.",
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async removeIdentity(
    @Param('id', ParseIdPipe) id: string,
    @Param('identityId', ParseIdPipe) identityId: string,
  ): Promise<void> {
    await this.identities.remove(id, identityId);
  }

  protected async write(body: CreateMemberDto): Promise<Written<Member>> {
    const { member, outcome } = await this.service.create(body);
    return { record: member, outcome };
  }

  protected toResponses(members: Member[]): MemberResponseDto[] {
    return members.map((member) => MemberResponseDto.from(member));
  }
}
