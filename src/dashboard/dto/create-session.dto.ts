import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateSessionDto {
  @ApiProperty({
    description: 'An API key secret; the dashboard keeps it in an httpOnly cookie.',
    example: 'halo_q3J8ZtV0c7mJ1fL4xW2bR9sK6pD5nH3aY8eU1iO0tQw',
    maxLength: 512,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  key!: string;
}
