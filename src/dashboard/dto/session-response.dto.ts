import { ApiProperty } from '@nestjs/swagger';
import { ApiKey, ROLES, Role } from '../../auth/api-key.entity';

export class SessionResponseDto {
  @ApiProperty({ enum: ROLES, example: 'manager', description: 'What the signed-in key may do.' })
  role!: Role;

  @ApiProperty({ example: 'Marketing team', description: 'The name given to the key.' })
  name!: string;

  @ApiProperty({ example: 'halo_Ab12Cd', description: 'The first characters of the key.' })
  prefix!: string;

  @ApiProperty({
    example: false,
    description: 'Whether this key may approve, reject, merge and dismiss (manager or admin).',
  })
  canWrite!: boolean;

  @ApiProperty({ example: 'EUR', description: 'The currency of every value figure.' })
  baseCurrency!: string;

  @ApiProperty({
    example: 'Europe/Rome',
    description:
      "The brand's IANA time zone (brand.timezone): the dashboard shows dates in it, and the metrics' days and months follow it.",
  })
  timezone!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'n4bQK0sXw9c2yJ7tL1mZp8fR3vA6dE5hG0uI2oP4kSs',
    description:
      'Send as X-CSRF-Token on every write made with the session cookie; null when the Authorization header signed the request.',
  })
  csrfToken!: string | null;

  static from(
    key: ApiKey,
    brand: { baseCurrency: string; timezone: string },
    csrfToken: string | null,
  ): SessionResponseDto {
    return {
      role: key.role,
      name: key.name,
      prefix: key.prefix,
      canWrite: key.role !== 'viewer',
      baseCurrency: brand.baseCurrency,
      timezone: brand.timezone,
      csrfToken,
    };
  }
}
