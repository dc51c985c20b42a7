import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { ImportQueryDto } from './dto/import-query.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { HttpImportService } from './http-import.service';
import { CSV_LOCALES } from '../common/csv/csv-locale';
import { IMPORT_MEDIA_TYPES } from './import-format';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/import')
export class ImportsController {
  constructor(private readonly imports: HttpImportService) {}

  @Post(':type')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk import of one record type from a JSON array, NDJSON or CSV body, streamed.',
    description:
      'The format comes from Content-Type (application/json: one array of objects; application/x-ndjson or application/jsonl: one object a line; text/csv: a header row of field names, delimiter , ; or tab detected from it, nested fields as dotted columns such as attribution.referralCode, lists |-separated, empty cells absent). ' +
      'Each row is validated like the single POST of its type and stored in batches, one transaction each; a refused row is reported with its line and never stops the others. ' +
      'Rows are idempotent on their natural keys: sending the same file again stores nothing twice (unchanged), so an interrupted import is finished by running it again. ' +
      'A bad CSV header refuses the file (400) before any row is stored. Bodies up to IMPORT_MAX_BYTES (default 1 GB), in UTF-8 unless Content-Type declares charset=windows-1252 (or latin1, iso-8859-1); invalid UTF-8 stops the import with its line and column, another charset is a 415. ' +
      "The answer carries the import's id: GET /api/v1/imports/{id} keeps its report (progress, all refused rows, undo). A client that goes away aborts the import before its next batch.",
  })
  @ApiParam({
    name: 'type',
    description:
      'The record type: members, purchases, referrals, reviews, events, attendance, mentions, feedback.',
    example: 'members',
  })
  @ApiQuery({
    name: 'locale',
    required: false,
    enum: CSV_LOCALES,
    description:
      'How CSV cells are written, by field type: en (default) as always; it reads 1.234,56 and 12,50 amounts and decimals, and 31/12/2025 or 31/12/2025 14:30 in brand.timezone (ISO 8601 still accepted), refusing ambiguous cells (1.234, 1,234.5) per row. A ; delimiter alone switches nothing.',
  })
  @ApiQuery({
    name: 'columns',
    required: false,
    example: 'Email:email,Nome:name',
    description:
      'CSV only: file columns renamed to fields before the header is checked; a mapping from a missing column or to an unknown field is a 400 naming the column.',
  })
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  @ApiBody({
    description: 'The file, as is.',
    schema: {
      type: 'string',
      example: 'externalId,email,name,tags\ncrm-1,ada@example.com,Ada Lovelace,vip|berlin\n',
    },
  })
  @ApiOkResponse({ type: ImportResultDto })
  import(
    @Param('type') type: string,
    @Query() query: ImportQueryDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<ImportResultDto> {
    return this.imports.run(type, request, {
      importId: query.importId?.toLowerCase(),
      dryRun: query.dryRun === 'true',
    });
  }
}
