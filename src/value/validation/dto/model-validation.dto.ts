import { ApiProperty } from '@nestjs/swagger';
import { CalibrationRow, MethodComparison, PastPurchases } from '../holdout-comparison';
import type { ModelValidation } from '../model-validation.job';
import { DailyCheckDto } from './holdout-daily.dto';
import { HoldoutMoneyDto } from './holdout-money.dto';

/** Expected purchase counts are shown to four decimals. */
function round(value: number): number;
function round(value: number | null): number | null;
function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

export class CalibrationRowDto {
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0, maximum: 6 },
      { type: 'string', enum: ['7+'] },
    ],
    description: 'Repeat purchase days before asOf: 0 to 6, then 7 or more.',
    example: 2,
  })
  pastPurchases!: PastPurchases;

  @ApiProperty({ example: 177 }) customers!: number;

  @ApiProperty({ type: Number, nullable: true, example: 1.2143 })
  meanExpected!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1.0452 })
  meanActual!: number | null;

  static from(row: CalibrationRow): CalibrationRowDto {
    return { ...row, meanExpected: round(row.meanExpected), meanActual: round(row.meanActual) };
  }
}

export class MethodComparisonDto {
  @ApiProperty({
    enum: ['bgnbd', 'mbgnbd', 'simple'],
    description:
      'The method that produced the expectations: BG/NBD, the modified BG/NBD or the simple formula.',
  })
  method!: 'bgnbd' | 'mbgnbd' | 'simple';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the fitted column is the simple formula (the fit is not supported).',
    example: null,
  })
  reason!: string | null;

  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'BG/NBD parameters, time in days (alpha is seven times its value in weeks).',
    example: { r: 0.2439, alpha: 30.957, a: 0.7925, b: 2.4229 },
  })
  params!: { r: number; alpha: number; a: number; b: number } | null;

  @ApiProperty({
    description: 'Expected repeat purchases in the holdout, all customers.',
    example: 1382.2,
  })
  totalExpected!: number;

  @ApiProperty({ description: 'Actual repeat purchase days in the holdout.', example: 1434 })
  totalActual!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(expected − actual) / actual × 100; null when nobody bought in the holdout.',
    example: -3.6124,
  })
  totalPercentError!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean over customers of |expected − actual|.',
    example: 0.5831,
  })
  meanAbsoluteError!: number | null;

  @ApiProperty({ type: [CalibrationRowDto] })
  calibration!: CalibrationRowDto[];

  static from(comparison: MethodComparison): MethodComparisonDto {
    return {
      method: comparison.method,
      reason: comparison.reason,
      params: comparison.params,
      totalExpected: round(comparison.totalExpected),
      totalActual: comparison.totalActual,
      totalPercentError: round(comparison.totalPercentError),
      meanAbsoluteError: round(comparison.meanAbsoluteError),
      calibration: comparison.calibration.map((row) => CalibrationRowDto.from(row)),
    };
  }
}

export class ModelValidationDto {
  @ApiProperty({ example: '1997-09-30T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ example: '1998-06-30T00:00:00.000Z' }) until!: string;

  @ApiProperty({ description: 'Length of the holdout (asOf, until] in days.', example: 273 })
  holdoutDays!: number;

  @ApiProperty({ description: 'Members who had bought by asOf.', example: 2349 })
  customers!: number;

  @ApiProperty({
    type: MethodComparisonDto,
    description: "The value engine's model fitted on the data to asOf.",
  })
  fitted!: MethodComparisonDto;

  @ApiProperty({
    type: MethodComparisonDto,
    description: 'The simple formula: purchase days a year × the holdout in years.',
  })
  simple!: MethodComparisonDto;

  @ApiProperty({
    type: DailyCheckDto,
    description:
      'Cumulative expected (fitted column and simple formula) against actual repeat purchases through the holdout, day by day.',
  })
  daily!: DailyCheckDto;

  @ApiProperty({
    type: HoldoutMoneyDto,
    description:
      "The same check in money: expected spend per purchase × the fitted column's expected purchases against actual net spend.",
  })
  money!: HoldoutMoneyDto;

  static from(
    asOf: number,
    until: number,
    comparison: ModelValidation,
    currency: string,
  ): ModelValidationDto {
    return {
      asOf: new Date(asOf).toISOString(),
      until: new Date(until).toISOString(),
      holdoutDays: round(comparison.holdoutDays),
      customers: comparison.customers,
      fitted: MethodComparisonDto.from(comparison.fitted),
      simple: MethodComparisonDto.from(comparison.simple),
      daily: DailyCheckDto.from(comparison.daily),
      money: HoldoutMoneyDto.from(comparison.money, currency),
    };
  }
}
