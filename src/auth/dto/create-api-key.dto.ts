import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from '../api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({
    description: 'What the key is for, to recognise it later.',
    example: 'CRM sync',
    maxLength: 100,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: ROLES,
    description: 'viewer reads; manager also writes records; admin also manages keys.',
    example: 'manager',
  })
  @IsIn(ROLES)
  role!: Role;
}
