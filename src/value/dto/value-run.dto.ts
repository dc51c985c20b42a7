import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoInstant } from '../../common/validation/decorators';
import { ValueRun } from '../value-run.entity';
import { responseFields } from '../../common/http/response-fields';
import { BrandSimpleFormulaDto } from './simple-formula.dto';

export class RecomputeDto {
  @ApiPropertyOptional({
    description: 'Only data up to this instant counts (default now). A date alone is 00:00 UTC.',
    example: '2026-11-01',
  })
  @IsOptional()
  @IsIsoInstant()
  asOf?: string;
}

export class ValueRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ example: 'api' }) trigger!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 1840 }) durationMs!: number | null;
  @ApiProperty({ example: 2357, description: 'Members valued.' }) members!: number;
  @ApiPropertyOptional({ nullable: true, enum: ['bgnbd', 'mbgnbd', 'simple'] }) method!:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;

  static from(run: ValueRun): ValueRunDto {
    return responseFields(
      run,
      ['id', 'status', 'trigger', 'durationMs', 'members', 'method', 'error'],
      ['asOf', 'startedAt', 'finishedAt'],
    );
  }
}

export class SpendModelHoldoutDto {
  @ApiProperty({ example: 180 }) days!: number;
  @ApiProperty({ description: 'The models were fitted on the data to this instant.' })
  calibrationEnd!: string;
  @ApiProperty({ description: 'End of the held-out period (calibrationEnd, until].' })
  until!: string;
  @ApiProperty({ example: 1900, description: 'Customers who had bought by calibrationEnd.' })
  customers!: number;
  @ApiProperty({ example: 700 }) repeatBuyers!: number;
}

export class SpendModelErrorsDto {
  @ApiProperty({ nullable: true, type: Number, example: 0.61 }) bgnbd!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.58 }) mbgnbd!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1.12 }) simple!: number | null;
}

export class SpendModelDto {
  @ApiProperty({
    enum: ['bgnbd', 'mbgnbd', 'simple'],
    description:
      'The model that values members: BG/NBD, the modified BG/NBD or the simple formula.',
  })
  chosen!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example:
      'lower error on the last 180 days held out: 0.580 against 0.610 repeat purchases per customer (BG/NBD)',
  })
  reason!: string | null;
  @ApiProperty({ description: 'True when `value.spendModel` pins the model instead of `auto`.' })
  pinned!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The asOf the choice was made at: it is made weekly and reused for 7 days; only the chosen model is refitted daily.',
  })
  decidedAt!: string | null;
  @ApiProperty({ type: SpendModelHoldoutDto, nullable: true })
  holdout!: SpendModelHoldoutDto | null;
  @ApiProperty({
    type: SpendModelErrorsDto,
    description:
      'Mean absolute error per customer of repeat purchase days in the holdout, for each model fitted on the data before it (null where not computed).',
  })
  meanAbsoluteError!: SpendModelErrorsDto;
}

export class ModelDto {
  @ApiProperty({ enum: ['bgnbd', 'mbgnbd', 'simple'] }) method!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why the simple formula was used (null when a fitted model values members).',
  })
  reason!: string | null;
  @ApiProperty({ example: 'days', description: 'The time unit of r/alpha and of x, t_x, T.' })
  timeUnit!: string;
  @ApiProperty({
    description:
      "BG/NBD (Fader, Hardie & Lee 2005) on all data to asOf: parameters in `timeUnit`, log-likelihood and `holdoutError` (mean absolute error on the week's holdout).",
    example: {
      r: 0.243,
      alpha: 30.9,
      a: 0.793,
      b: 2.426,
      logLikelihood: -9582.4,
      converged: true,
      holdoutError: 0.61,
    },
  })
  bgnbd!: Record<string, unknown> | null;
  @ApiProperty({
    description:
      'The modified BG/NBD (Batislam et al. 2007: drop-out possible after the first purchase too) on the same data: parameters in `timeUnit`, log-likelihood and `holdoutError`. The unchosen model may be from earlier in the week.',
    example: {
      r: 0.525,
      alpha: 43.3,
      a: 0.891,
      b: 1.614,
      logLikelihood: -9582.1,
      converged: true,
      holdoutError: 0.58,
    },
  })
  modifiedBgnbd!: Record<string, unknown> | null;
  @ApiProperty({ type: SpendModelDto }) spendModel!: SpendModelDto;
  @ApiProperty({
    example: { p: 6.25, q: 3.74, gamma: 15.44, logLikelihood: -4000, converged: true },
  })
  gammaGamma!: Record<string, unknown> | null;
  @ApiProperty({ example: { customers: 2357, repeatBuyers: 1000 } }) data!: {
    customers: number;
    repeatBuyers: number;
  };
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Conversion per reach by platform, calibrated or from config.',
  })
  calibration!: unknown[];
  @ApiProperty({
    type: BrandSimpleFormulaDto,
    nullable: true,
    description:
      'The seeds’ simple formula for the brand, whichever method valued the members: average order value × orders a year × relationship length; null for runs stored before it was kept.',
  })
  simpleFormula!: BrandSimpleFormulaDto | null;
  @ApiProperty({ description: 'When the fit ran.' }) fittedAt!: string;
  @ApiProperty({ description: 'The asOf of the data it was fitted on.' }) asOf!: string;
  @ApiProperty({ format: 'uuid' }) runId!: string;
}
