import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class ListSubscriptionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: true, description: 'Only active (true) or inactive (false).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    example: 'community@example.com',
    description: 'Only subscriptions sending to this address.',
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  recipient?: string;
}
