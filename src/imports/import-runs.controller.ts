import { Controller, Delete, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { ImportRunDetailDto, ImportRunListDto, ImportUndoDto } from './dto/import-run.dto';
import { ListImportRunsQuery } from './dto/list-import-runs.query';
import { ImportRunsService } from './runs/import-runs.service';

@ApiTags('imports')
@ApiBearerAuth()
@RequireRole('manager')
@Controller('api/v1/imports')
export class ImportRunsController {
  constructor(private readonly runs: ImportRunsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The kept imports (manager), newest first, filtered by status or type: counts, progress (rowsStored), how each ended.',
  })
  @ApiOkResponse({ type: ImportRunListDto })
  list(@Query() query: ListImportRunsQuery): Promise<ImportRunListDto> {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One import (manager): its status, counts, rowsStored (updated as each batch commits, so a client may poll it while uploading with ?importId=) and its first 1,000 refused rows.',
  })
  @ApiOkResponse({ type: ImportRunDetailDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<ImportRunDetailDto> {
    return this.runs.get(id);
  }

  @Get(':id/errors')
  @ApiOperation({
    summary:
      "Every refused row's problem (manager) as CSV: line, field, code, reason. No value of a row is kept.",
  })
  @ApiProduces('text/csv')
  async errors(@Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.runs.errorsCsv(id), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-errors.csv"`,
    });
  }

  @Delete(':id')
  @ApiOperation({
    summary:
      'Undo an import (manager): deletes the records it created that nothing else references yet, says what was deleted and kept by type, and marks it undone; a second undo (or of a running import, or a dry run) is 409 IMPORT_NOT_UNDOABLE. Runs under the imports’ lease, so never beside an erasure.',
  })
  @ApiOkResponse({ type: ImportUndoDto })
  undo(@Param('id', ParseIdPipe) id: string): Promise<ImportUndoDto> {
    return this.runs.undo(id);
  }
}
