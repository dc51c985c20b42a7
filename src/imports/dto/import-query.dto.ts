import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

export class ImportQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The import's id, chosen by the client (a UUID v4) so that it can poll GET /api/v1/imports/{id} for progress while uploading; 409 IMPORT_ID_TAKEN when an import has it. Without it the server picks one.",
  })
  @IsOptional()
  @IsUUID('4', { message: 'must be a UUID v4' })
  importId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: every batch is written and rolled back; the answer (and the kept run, marked dryRun) says what would be created, updated, unchanged or refused, and nothing is stored. Batches are rolled back one by one, so a record repeated in two batches counts as created twice.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  dryRun?: 'true' | 'false';

  // Documented with @ApiQuery on the route and checked where the CSV options are read
  // (csv-request-options.ts, 400 naming the parameter); declared here so the query is accepted.
  @IsOptional()
  @IsString()
  locale?: string;

  @IsOptional()
  @IsString()
  columns?: string;
}
