import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator';
import { ErasureTombstones } from '../members/erasure-tombstones';
import {
  LiftTombstonesDto,
  LiftTombstonesResultDto,
  TombstoneCountsDto,
} from './dto/lift-tombstones.dto';
import { TombstoneLiftingService } from './tombstone-lifting.service';

@ApiTags('privacy')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/erasure-tombstones')
export class ErasureTombstonesController {
  constructor(
    private readonly lifting: TombstoneLiftingService,
    private readonly tombstones: ErasureTombstones,
  ) {}

  @Get('counts')
  @ApiOperation({ summary: 'How many tombstones there are, by kind (admin); they name nobody.' })
  @ApiOkResponse({ type: TombstoneCountsDto })
  counts(): Promise<TombstoneCountsDto> {
    return this.tombstones.counts();
  }

  @Post('lift')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Lift an erased person's tombstones on their new consent (admin), by presenting their email, externalId or handles; then they can be created or imported again. 404 TOMBSTONE_NOT_FOUND when none matches.",
  })
  @ApiOkResponse({ type: LiftTombstonesResultDto })
  lift(@Body() request: LiftTombstonesDto): Promise<LiftTombstonesResultDto> {
    return this.lifting.lift(request);
  }
}
