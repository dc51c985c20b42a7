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
  @ApiPropertyOptional({ nullable: true, enum: ['bgnbd', 'simple'] }) method!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;

  static from(run: ValueRun): ValueRunDto {
    return responseFields(
      run,
      ['id', 'status', 'trigger', 'durationMs', 'members', 'method', 'error'],
      ['asOf', 'startedAt', 'finishedAt'],
    );
  }
}

export class ModelDto {
  @ApiProperty({ enum: ['bgnbd', 'simple'] }) method!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why the simple formula was used.',
  })
  reason!: string | null;
  @ApiProperty({ example: 'days', description: 'The time unit of r/alpha and of x, t_x, T.' })
  timeUnit!: string;
  @ApiProperty({
    example: { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426, logLikelihood: -9582.4, converged: true },
  })
  bgnbd!: Record<string, unknown> | null;
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
