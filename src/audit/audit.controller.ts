import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { AuditLogService } from './audit-log.service';
import { AuditEntryListDto, AuditEntryResponseDto } from './dto/audit-entry-response.dto';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary:
      'The audit log (admin), newest first: every write, erasure, export, key change, merge, approval, sign-in and failed authentication, with who (key id and name), what (verb, route pattern, record ids), when, from where and how it ended. Ids only: no body, personal field or secret. Kept for AUDIT_RETENTION_DAYS (400).',
  })
  @ApiOkResponse({ type: AuditEntryListDto })
  list(@Query() query: ListAuditQuery): Promise<AuditEntryListDto> {
    return this.audit.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One audit entry (admin).' })
  @ApiOkResponse({ type: AuditEntryResponseDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<AuditEntryResponseDto> {
    return this.audit.get(id);
  }
}
