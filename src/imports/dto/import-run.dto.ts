import { CommonErrorCode } from '../../common/errors/common-error-code';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { toIso } from '../../common/dates/iso-date';
import { PageOf } from '../../common/pagination/page-of.dto';
import { IMPORT_FORMATS, ImportFormat } from '../import-format';
import { MAX_REPORTED_ERRORS } from '../import-result';
import { IMPORT_RUN_STATUSES, ImportRun, ImportRunStatus } from '../runs/import-run.entity';
import { ImportRunError } from '../runs/import-run-error.entity';

export class ImportRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'members' }) type!: string;
  @ApiProperty({ enum: IMPORT_FORMATS, example: 'csv' }) format!: ImportFormat;
  @ApiProperty({
    enum: IMPORT_RUN_STATUSES,
    description:
      'running; succeeded (refused rows included); failed (stopped by an error: failureCode); aborted (its client went away: what was stored stays); undone.',
  })
  status!: ImportRunStatus;
  @ApiProperty({ description: 'A dry run: rolled back, the counts say what would have happened.' })
  dryRun!: boolean;
  @ApiProperty({
    example: 5000,
    description: 'Rows read so far (of committed batches while running).',
  })
  rows!: number;
  @ApiProperty({ example: 4990 }) created!: number;
  @ApiProperty({ example: 0 }) updated!: number;
  @ApiProperty({ example: 5 }) unchanged!: number;
  @ApiProperty({ example: 5 }) refused!: number;
  @ApiProperty({
    example: 4995,
    description: 'Rows stored (created, updated or unchanged) in committed batches: the progress.',
  })
  rowsStored!: number;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The API key that ran it; null from the CLI.',
  })
  keyId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: CommonErrorCode.PAYLOAD_TOO_LARGE })
  failureCode!: string | null;
  @ApiProperty({ example: '2026-12-03T09:14:05.120Z' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-03T09:14:09.402Z' })
  finishedAt!: string | null;

  static of(run: ImportRun): ImportRunDto {
    return {
      id: run.id,
      type: run.type,
      format: run.format,
      status: run.status,
      dryRun: Boolean(run.dryRun),
      rows: run.rows,
      created: run.created,
      updated: run.updated,
      unchanged: run.unchanged,
      refused: run.refused,
      rowsStored: run.rowsStored,
      keyId: run.keyId,
      failureCode: run.failureCode,
      startedAt: toIso(run.startedAt)!,
      finishedAt: toIso(run.finishedAt),
    };
  }
}

export class ImportRunErrorDto {
  @ApiProperty({ example: 12 }) line!: number;
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'isEmail' }) code!: string;
  @ApiProperty({
    example: 'must be an email address',
    description: 'Why; never a value of the row (those are replaced by "(value)").',
  })
  reason!: string;

  static of(error: ImportRunError): ImportRunErrorDto {
    return { line: error.line, field: error.field, code: error.code, reason: error.reason };
  }
}

export class ImportRunDetailDto extends ImportRunDto {
  @ApiProperty({
    type: [ImportRunErrorDto],
    description: `The refused rows' problems by line, at most ${MAX_REPORTED_ERRORS}; all of them at /errors as CSV.`,
  })
  errors!: ImportRunErrorDto[];
  @ApiProperty({ description: 'More problems were recorded than `errors` lists.' })
  errorsTruncated!: boolean;
}

export class ImportRunListDto extends PageOf(ImportRunDto, { example: 12 }) {}

export class ImportUndoRecordDto {
  @ApiProperty({ example: 'members' }) recordType!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ImportUndoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['undone'] }) status!: 'undone';
  @ApiProperty({
    example: { members: 41 },
    description: 'Records deleted, by record type.',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  deleted!: Record<string, number>;
  @ApiProperty({
    example: { members: 1 },
    description:
      'Records kept, by type: something else references them (purchases of another import, a referral, a merge), or they are gone already.',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  kept!: Record<string, number>;
  @ApiPropertyOptional({
    type: [ImportUndoRecordDto],
    description: 'The kept records, at most 1,000.',
  })
  keptRecords!: ImportUndoRecordDto[];
}
