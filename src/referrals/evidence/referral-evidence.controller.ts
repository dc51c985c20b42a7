import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { ReferralEvidence } from './referral-evidence';
import { ReferralEvidenceDto } from './referral-evidence.dto';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/v1/referrals')
export class ReferralEvidenceController {
  constructor(private readonly evidence: ReferralEvidence) {}

  @Get(':id/evidence')
  @ApiOperation({
    summary:
      "Why a referral was flagged and what deciding it is worth: the emails a look-alike compares, the disposable domain, the invitations in the burst window, the reward and the referee's spend so far.",
  })
  @ApiOkResponse({ type: ReferralEvidenceDto })
  of(@Param('id', ParseIdPipe) id: string): Promise<ReferralEvidenceDto> {
    return this.evidence.of(id);
  }
}
