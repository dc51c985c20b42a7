import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral.entity';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListReferralsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only referrals with (true) or without (false) flags.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  flagged?: boolean;

  @ApiPropertyOptional({
    description: 'Only flagged referrals that no manager has approved or rejected yet.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  pendingApproval?: boolean;

  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  referrerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The referee member.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  refereeId?: string;
}
