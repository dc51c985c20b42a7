import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordRoutes } from '../common/http/record-routes';
import { ReplayReads } from '../common/http/replay-reads.decorator';
import { Written } from '../common/http/write-outcome';
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
export class ReferralsController extends RecordRoutes({
  service: ReferralsService,
  response: ReferralResponseDto,
  create: {
    body: CreateReferralDto,
    summary:
      'Record a referral (201); the same one again is 200 (unchanged, or updated for a later status or another reward); other content is 409. Self-referral, a second referrer, a cycle or a referee who already bought are refused; suspicious ones are flagged.',
  },
  list: {
    type: ReferralListDto,
    query: ListReferralsQuery,
    summary:
      'List referrals, latest invitation first: filter by flagged, pendingApproval, status, referrerId, refereeId.',
  },
  update: {
    body: UpdateReferralDto,
    summary: 'Change status (dated), signedUpAt, reward or channel.',
  },
  remove: { summary: 'Delete a referral.' },
}) {
  @Post(':id/approve')
  @HttpCode(200)
  @ReplayReads('get')
  @ApiOperation({ summary: 'Approve a flagged referral: it counts as value once converted.' })
  @ApiOkResponse({ type: ReferralResponseDto })
  async approve(@Param('id', ParseIdPipe) id: string): Promise<ReferralResponseDto> {
    return this.toResponse(await this.service.approve(id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ReplayReads('get')
  @ApiOperation({ summary: 'Reject a referral: status rejected (dated); it never counts.' })
  @ApiOkResponse({ type: ReferralResponseDto })
  async reject(@Param('id', ParseIdPipe) id: string): Promise<ReferralResponseDto> {
    return this.toResponse(await this.service.reject(id));
  }

  protected async write(body: CreateReferralDto): Promise<Written<Referral>> {
    const { referral, outcome } = await this.service.create(body);
    return { record: referral, outcome };
  }

  protected toResponses(referrals: Referral[]): ReferralResponseDto[] {
    return referrals.map((referral) =>
      ReferralResponseDto.from(referral, this.service.baseCurrency),
    );
  }
}
