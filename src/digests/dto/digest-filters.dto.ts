import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Narrows a digest: only members with the tag, only content and advocates on the platform. */
export class DigestFiltersDto {
  @ApiPropertyOptional({ example: 'vip', maxLength: 64, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  tag?: string | null;

  @ApiPropertyOptional({ example: 'instagram', maxLength: 32, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/, { message: 'must be a lower-case platform name' })
  @MaxLength(32)
  platform?: string | null;
}
