import { Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { ErasureReportDto } from './dto/erasure-report.dto';
import { MemberExportDto } from './dto/member-export.dto';
import { ErasureService } from './erasure.service';
import { MemberExportService } from './member-export.service';

@ApiTags('privacy')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/members')
export class PrivacyController {
  constructor(
    private readonly exports: MemberExportService,
    private readonly erasure: ErasureService,
  ) {}

  @Get(':id/export')
  @ApiOperation({ summary: 'Everything Halo holds about a person, as JSON (admin; GDPR art. 15).' })
  @ApiOkResponse({ type: MemberExportDto })
  export(@Param('id', ParseIdPipe) id: string): Promise<MemberExportDto> {
    return this.exports.export(id) as Promise<unknown> as Promise<MemberExportDto>;
  }

  @Delete(':id')
  @ApiOperation({
    summary:
      'Erase a person (admin; GDPR art. 17): personal fields, identities, texts, urls and emails naming them are removed; their activity stays as an anonymous member; a keyed-hash tombstone refuses them later (ERASED_PERSON).',
  })
  @ApiOkResponse({ type: ErasureReportDto })
  async erase(@Param('id', ParseIdPipe) id: string): Promise<ErasureReportDto> {
    const removed = await this.erasure.erase(id);
    return { memberId: id, erasedAt: new Date().toISOString(), removed };
  }
}
