import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ImportColumnsDto } from './dto/import-columns.dto';
import { importColumns } from './import-columns';
import { ImportPipeline } from './import-pipeline.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/import')
export class ImportColumnsController {
  constructor(private readonly pipeline: ImportPipeline) {}

  @Get(':type/columns')
  @ApiOperation({
    summary: 'The columns a CSV of this record type may carry, and which of them a row needs.',
    description:
      'Read from the rules rows are validated with, so a file can be checked before it is sent. Nested fields are dotted (attribution.referralCode); lists are |-separated in a cell.',
  })
  @ApiParam({ name: 'type', example: 'members' })
  @ApiOkResponse({ type: ImportColumnsDto })
  columns(@Param('type') type: string): ImportColumnsDto {
    return { type, columns: importColumns(this.pipeline.importer(type).dto) };
  }
}
