import { Entity } from 'typeorm';
import { InstantColumn, ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/**
 * A dashboard sign-in: the cookie holds a random token, this row only its SHA-256 (and the
 * CSRF token's), so a leaked table signs no one in and a revoked row ends the session at once.
 */
@Entity('dashboard_sessions')
export class DashboardSession extends RecordBase {
  @VarcharColumn(64)
  tokenHash!: string;

  @VarcharColumn(64)
  csrfHash!: string;

  @ReferenceColumn()
  apiKeyId!: string;

  @InstantColumn()
  expiresAt!: number;

  @InstantColumn({ nullable: true })
  revokedAt!: number | null;
}
