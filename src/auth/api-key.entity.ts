import { Entity } from 'typeorm';
import { InstantColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

export const ROLES = ['viewer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('api_keys')
export class ApiKey extends RecordBase {
  @VarcharColumn(100)
  name!: string;

  @VarcharColumn(16)
  role!: Role;

  /** The readable start of the secret, to recognise a key in lists. */
  @VarcharColumn(24)
  prefix!: string;

  /** HMAC-SHA-256 of the secret, hex; the secret itself is never stored. */
  @VarcharColumn(64)
  secretHash!: string;

  @InstantColumn({ nullable: true })
  lastUsedAt!: number | null;

  @InstantColumn({ nullable: true })
  revokedAt!: number | null;
}
