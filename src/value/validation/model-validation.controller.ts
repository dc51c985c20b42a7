import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseIsoInstant } from '../../common/dates/iso-date';
import { ModelValidationDto } from './dto/model-validation.dto';
import { ModelValidationQuery } from './dto/model-validation.query';
import { ModelValidationService } from './model-validation.service';

@ApiTags('value')
@ApiBearerAuth()
@Controller('api/v1/model')
export class ModelValidationController {
  constructor(private readonly validations: ModelValidationService) {}

  @Get('validation')
  @ApiOperation({
    summary:
      'Backtest the repeat-buying model: fit on the data to asOf, compare with (asOf, until].',
    description:
      'For every member who had bought by asOf: expected repeat purchases over the holdout (BG/NBD E[Y(t) | x, t_x, T] of the model fitted with the configured coefficients; the simple formula: purchase days a year × holdout years) against actual repeat purchase days in (asOf, until] (same-day orders merged, net > 0). ' +
      'In total (% error), per member (mean absolute error) and by past repeat purchases (0–6, 7+). When the data do not support a fit, `fitted` says why and shows the simple formula the engine then uses. ' +
      'Without dates, the holdout is the last `value.validationHoldoutDays` (180) days up to now.',
  })
  @ApiOkResponse({ type: ModelValidationDto })
  async validation(@Query() query: ModelValidationQuery): Promise<ModelValidationDto> {
    const { asOf, until, comparison, currency } = await this.validations.validate({
      asOf: parseIsoInstant(query.asOf),
      until: parseIsoInstant(query.until),
    });
    return ModelValidationDto.from(asOf, until, comparison, currency);
  }
}
