import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ProfilingWithheldDto } from '../members/dto/profiling-withheld.dto';
import { parseIsoInstant } from '../common/dates/iso-date';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { MemberValueDto, ValueHistoryDto, ValueHistoryPointDto } from './dto/member-value.dto';
import { ModelDto, RecomputeDto, ValueRunDto } from './dto/value-run.dto';
import { RecomputeService } from './recompute.service';
import { ValueQueryService } from './value-query.service';
import { BrandSimpleFormulaDto } from './dto/simple-formula.dto';
import { REASON_LANGUAGES, reasonLanguage } from '../common/language/reason-language';
import { gammaGammaInMajorUnits, servedSpendModel } from './dto/served-model';

@ApiTags('value')
@ApiBearerAuth()
@Controller('api/v1')
export class ValueController {
  constructor(
    private readonly recomputes: RecomputeService,
    private readonly values: ValueQueryService,
  ) {}

  @Get('members/:id/value')
  @ApiOperation({
    summary:
      "A member's current extended value (latest snapshot), with components, drivers and coefficients.",
    description:
      'For a member who objects to profiling: `{withheld: "profilingObjection", since}` and no figures.',
  })
  @ApiExtraModels(MemberValueDto, ProfilingWithheldDto)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(MemberValueDto) },
        { $ref: getSchemaPath(ProfilingWithheldDto) },
      ],
    },
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: REASON_LANGUAGES,
    description: 'Language of the drivers’ labels; default Accept-Language, else en.',
  })
  async value(
    @Param('id', ParseIdPipe) id: string,
    @Query('lang') lang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<MemberValueDto | ProfilingWithheldDto> {
    const current = await this.values.current(id);
    if ('objectedAt' in current) return ProfilingWithheldDto.since(current.objectedAt);
    const explanation = await this.values.explain(
      current.snapshot,
      reasonLanguage(lang, acceptLanguage),
    );
    return MemberValueDto.from(current.snapshot, current.run, explanation);
  }

  @Get('members/:id/value/history')
  @ApiOperation({ summary: "A member's value snapshots, oldest first (one per asOf date)." })
  @ApiOkResponse({ type: ValueHistoryDto })
  async history(@Param('id', ParseIdPipe) id: string): Promise<ValueHistoryDto> {
    const items = (await this.values.history(id)).map((snapshot) =>
      ValueHistoryPointDto.from(snapshot),
    );
    return { items, nextCursor: null, total: items.length };
  }

  @Post('value/recompute')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Recompute every member as of asOf (default now); replaces the snapshots of that date.',
  })
  @ApiOkResponse({ type: ValueRunDto })
  async recompute(@Body() body: RecomputeDto): Promise<ValueRunDto> {
    const run = await this.recomputes.recompute({
      asOf: body.asOf ? parseIsoInstant(body.asOf) : undefined,
      trigger: 'api',
    });
    return ValueRunDto.from(run);
  }

  @Get('model')
  @ApiOperation({
    summary:
      'The repeat-buying model of the latest recompute: parameters, time unit, log-likelihood, data counts, method.',
  })
  @ApiOkResponse({ type: ModelDto })
  async model(): Promise<ModelDto> {
    const run = await this.values.latestRun();
    const model = JSON.parse(run.model ?? '{}');
    return {
      method: model.method,
      reason: model.reason ?? null,
      timeUnit: model.timeUnit ?? 'days',
      bgnbd: model.bgnbd ?? null,
      modifiedBgnbd: model.modifiedBgnbd ?? null,
      spendModel: servedSpendModel(model),
      gammaGamma: gammaGammaInMajorUnits(model.gammaGamma, this.values.baseCurrency),
      data: { customers: model.customers ?? 0, repeatBuyers: model.repeatBuyers ?? 0 },
      calibration: model.calibration ?? [],
      simpleFormula: BrandSimpleFormulaDto.from(model.simpleFormula, this.values.baseCurrency),
      fittedAt: new Date(run.finishedAt ?? run.startedAt).toISOString(),
      asOf: new Date(run.asOf).toISOString(),
      runId: run.id,
    };
  }
}
