import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';

export class ListAuditQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this API key did.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  keyId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only entries naming this record: a route id (the member erased, the referral approved), the record created, or the other member of a merge.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  recordId?: string;

  @ApiPropertyOptional({
    description:
      'Only this verb, exactly: e.g. member.erase, member.export, member.merge, purchase.create, apiKey.create, referral.approve, import.create, session.signIn, auth.failed; a route without a verb is listed under its method and pattern ("POST /api/v1/things").',
    example: 'member.erase',
  })
  @IsOptional()
  @IsString()
  @MaxLength(160)
  @Matches(/^[A-Za-z][A-Za-z0-9.]*$|^[A-Z]+ \/[A-Za-z0-9/:_.{}-]*$/, {
    message: 'must be a verb such as member.erase, or a method and route pattern',
  })
  action?: string;

  @ApiPropertyOptional({ description: 'At or after (inclusive, UTC).', example: '2026-11-01' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before (exclusive, UTC).', example: '2026-12-01' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}
