import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IMPORT_RUN_STATUSES, ImportRunStatus } from '../runs/import-run.entity';

export class ListImportRunsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_RUN_STATUSES })
  @IsOptional()
  @IsIn(IMPORT_RUN_STATUSES)
  status?: ImportRunStatus;

  @ApiPropertyOptional({ example: 'members', description: 'Only imports of this record type.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z][a-z-]*$/, { message: 'must be a record type such as members' })
  type?: string;
}
