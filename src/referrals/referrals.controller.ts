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
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { ReferralListDto, ReferralResponseDto } from './dto/referral-response.dto';
import { UpdateReferralDto } from './dto/update-referral.dto';
import { Referral } from './referral.entity';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a referral (201); the same one again is 200 (unchanged, or updated for a later status or another reward); other content is 409. Self-referral, a second referrer, a cycle or a referee who already bought are refused; suspicious ones are flagged.',
  })
  @ApiCreatedResponse({ type: ReferralResponseDto })
  async create(
    @Body() body: CreateReferralDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralResponseDto> {
    const { referral, outcome } = await this.referrals.create(body);
    response.status(outcome === 'created' ? 201 : 200);
    return this.toResponse(referral);
  }

  @Get()
  @ApiOperation({
    summary:
      'List referrals, latest invitation first: filter by flagged, pendingApproval, status, referrerId, refereeId.',
  })
  @ApiOkResponse({ type: ReferralListDto })
  async list(@Query() query: ListReferralsQuery): Promise<ReferralListDto> {
    const page = await this.referrals.list(query);
    return { ...page, items: page.items.map((referral) => this.toResponse(referral)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ReferralResponseDto })
  async get(@Param('id', ParseIdPipe) id: string): Promise<ReferralResponseDto> {
    return this.toResponse(await this.referrals.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change status (dated), signedUpAt, reward or channel.',
  })
  @ApiOkResponse({ type: ReferralResponseDto })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateReferralDto,
  ): Promise<ReferralResponseDto> {
    return this.toResponse(await this.referrals.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a referral.' })
  @ApiNoContentResponse()
  async remove(@Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.referrals.remove(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a flagged referral: it counts as value once converted.' })
  @ApiOkResponse({ type: ReferralResponseDto })
  async approve(@Param('id', ParseIdPipe) id: string): Promise<ReferralResponseDto> {
    return this.toResponse(await this.referrals.approve(id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a referral: status rejected (dated); it never counts.' })
  @ApiOkResponse({ type: ReferralResponseDto })
  async reject(@Param('id', ParseIdPipe) id: string): Promise<ReferralResponseDto> {
    return this.toResponse(await this.referrals.reject(id));
  }

  private toResponse(referral: Referral): ReferralResponseDto {
    return ReferralResponseDto.from(referral, this.referrals.baseCurrency);
  }
}
