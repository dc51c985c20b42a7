import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Identity } from '../identity.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';
import { PlatformProperty } from '../../common/validation/platform-property';

export class CreateIdentityDto {
  @PlatformProperty()
  platform!: string;

  @ApiProperty({
    example: '@ada',
    description: 'Unique per platform ignoring case; a leading @ is ignored.',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  handle!: string;
}

export class IdentityResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ example: 'instagram' }) platform!: string;
  @ApiProperty({ example: 'ada' }) handle!: string;
  @ApiProperty() createdAt!: string;

  static from(identity: Identity): IdentityResponseDto {
    return responseFields(identity, ['id', 'memberId', 'platform', 'handle'], ['createdAt']);
  }
}

export class IdentityListDto extends PageOf(IdentityResponseDto, {}) {}
