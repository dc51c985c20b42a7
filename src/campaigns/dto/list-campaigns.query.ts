import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class ListCampaignsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'paid-search' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;
}
