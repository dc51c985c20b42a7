import { ApiProperty } from '@nestjs/swagger';
import type { DailyCheck, DailyPoint } from '../holdout-daily';

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export class DailyPointDto {
  @ApiProperty({
    description: 'Days since asOf (the last one is the end of the holdout).',
    example: 30,
  })
  day!: number;

  @ApiProperty({
    description: 'Cumulative expected repeat purchases by that day: the fitted column’s method.',
    example: 151.2043,
  })
  fitted!: number;

  @ApiProperty({
    description: 'The same by the simple formula (purchase days a year × the days in years).',
    example: 190.5521,
  })
  simple!: number;

  @ApiProperty({
    description: 'Actual repeat purchase days by asOf’s UTC day + day, all customers.',
    example: 144,
  })
  actual!: number;

  static from(point: DailyPoint): DailyPointDto {
    return {
      day: point.day,
      fitted: round(point.fitted),
      simple: round(point.simple),
      actual: point.actual,
    };
  }
}

export class DailyCheckDto {
  @ApiProperty({
    description: 'Days between points after everyDayUntil (at most about 60 points in all).',
    example: 5,
  })
  step!: number;

  @ApiProperty({ description: 'Every day is reported up to this one.', example: 30 })
  everyDayUntil!: number;

  @ApiProperty({
    type: [DailyPointDto],
    description:
      'By day, ascending; the last point is the end of the holdout and equals the totals of the fitted, simple and actual columns.',
  })
  points!: DailyPointDto[];

  static from(check: DailyCheck): DailyCheckDto {
    return {
      step: check.step,
      everyDayUntil: check.everyDayUntil,
      points: check.points.map((point) => DailyPointDto.from(point)),
    };
  }
}
