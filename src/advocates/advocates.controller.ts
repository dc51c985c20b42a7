import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { AdvocatesService } from './advocates.service';
import { AdvocateListDto } from './dto/advocate.dto';
import { ListAdvocatesQuery } from './dto/list-advocates.query';
import { TierListDto } from './dto/tier-count.dto';
import { reasonLanguage } from '../common/language/reason-language';

@ApiTags('advocates')
@ApiBearerAuth()
@Controller('api/v1/advocates')
export class AdvocatesController {
  constructor(private readonly advocates: AdvocatesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Members ranked from the value snapshots (the current ones, or those at or before `to`), with filters, segments and the change over the period; JSON pages or a CSV export.',
    description:
      'Members who object to profiling, and merged members, are left out. `format=csv` streams every matching row, or the `limit` given (after `offset`; a cursor is ignored); cells a spreadsheet would run as a formula start with an apostrophe.',
  })
  @ApiExtraModels(AdvocateListDto)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AdvocateListDto) } },
      'text/csv': {
        schema: {
          type: 'string',
          example:
            'member.id,member.name,...,components.extendedValue,...\r\n3f6c…,Ada Lovelace,...,412.82,...\r\n',
        },
      },
    },
  })
  async list(
    @Query() requested: ListAdvocatesQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AdvocateListDto | StreamableFile> {
    const query = { ...requested, lang: reasonLanguage(requested.lang, acceptLanguage) };
    if (query.format !== 'csv') return this.advocates.list(query);
    const lines = await this.advocates.exportCsv(query);
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="advocates.csv"',
    });
  }

  @Get('tiers')
  @ApiOperation({
    summary:
      'The configured tiers in order, their thresholds, and how many members each holds now.',
  })
  @ApiOkResponse({ type: TierListDto })
  tiers(): Promise<TierListDto> {
    return this.advocates.tiers();
  }
}
