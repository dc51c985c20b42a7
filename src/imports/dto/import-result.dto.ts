import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_FORMATS, ImportFormat } from '../import-format';
import { ImportResult, ImportRowError, MAX_REPORTED_ERRORS } from '../import-result';

export class ImportErrorDetailDto {
  @ApiProperty({
    example: 'email',
    description: 'The field, dotted for nested ones; (row) for the whole row.',
  })
  field!: string;
  @ApiProperty({ example: 'must be an email address' })
  reason!: string;
  @ApiProperty({ example: 'isEmail', description: 'The same codes as single requests.' })
  code!: string;
}

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({
    example: 12,
    description:
      'CSV and NDJSON: the physical line where the row starts (the CSV header is line 1). JSON: the position of the element in the array, from 1.',
  })
  line!: number;
  @ApiPropertyOptional({
    example: 'crm-10042',
    description: "The row's externalId, when it has one.",
  })
  externalId?: string;
  @ApiProperty({ type: [ImportErrorDetailDto] })
  details!: ImportErrorDetailDto[];
}

export class ImportResultDto implements ImportResult {
  @ApiProperty({
    format: 'uuid',
    description: 'The kept report of this import: GET /api/v1/imports/{id}.',
  })
  id!: string;
  @ApiProperty({ example: false, description: 'Rolled back: nothing was stored.' })
  dryRun!: boolean;
  @ApiProperty({ example: 'members' }) type!: string;
  @ApiProperty({ enum: IMPORT_FORMATS, example: 'csv' }) format!: ImportFormat;
  @ApiProperty({ example: 5000, description: 'Rows read (blank lines are not rows).' })
  rows!: number;
  @ApiProperty({ example: 4990 }) created!: number;
  @ApiProperty({
    example: 0,
    description: 'Known rows whose mutable fields (counters, statuses) changed.',
  })
  updated!: number;
  @ApiProperty({ example: 5, description: 'Known rows sent again with the same content.' })
  unchanged!: number;
  @ApiProperty({ example: 5 }) refused!: number;
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: `Every refused row with its line and reasons, ordered by line; at most ${MAX_REPORTED_ERRORS}.`,
  })
  errors!: ImportRowErrorDto[];
  @ApiProperty({ example: false, description: 'More rows were refused than `errors` lists.' })
  errorsTruncated!: boolean;
  @ApiProperty({ example: 1840 }) durationMs!: number;
}
