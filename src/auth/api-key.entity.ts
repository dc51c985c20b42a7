import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export const ROLES = ['viewer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The readable start of the secret, to recognise a key in lists. */
  @Column({ type: 'varchar', length: 24 })
  prefix!: string;

  /** HMAC-SHA-256 of the secret, hex; the secret itself is never stored. */
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn({ nullable: true })
  lastUsedAt!: number | null;

  @InstantColumn({ nullable: true })
  revokedAt!: number | null;
}
