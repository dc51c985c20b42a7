import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiKey, ROLES, Role } from '../api-key.entity';
import { responseFields } from '../../common/http/response-fields';

export class ApiKeyResponseDto {
  @ApiProperty({ example: '7d9f7c1e-4a3b-4d0e-9a51-0c1b2d3e4f50' })
  id!: string;

  @ApiProperty({ example: 'CRM sync' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ description: 'The first characters of the secret.', example: 'halo_Ab12Cd' })
  prefix!: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  lastUsedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  revokedAt!: string | null;

  static from(key: ApiKey): ApiKeyResponseDto {
    return responseFields(
      key,
      ['id', 'name', 'role', 'prefix'],
      ['createdAt', 'lastUsedAt', 'revokedAt'],
    );
  }
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'The secret: shown this once, never again.', example: 'halo_q3J…' })
  secret!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyResponseDto] })
  items!: ApiKeyResponseDto[];

  @ApiProperty({ nullable: true, type: String, example: null })
  nextCursor!: string | null;

  @ApiProperty({ example: 1 })
  total!: number;
}
