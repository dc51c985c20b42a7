import { Column, Entity } from 'typeorm';
import { ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/**
 * An Idempotency-Key's reservation, taken before the handler runs, then what the handler
 * answered: its status and the id of the resource, which a replay reads again. No body is kept,
 * so no personal data. Expires after idempotency.ttlHours from createdAt.
 */
@Entity('idempotency_records')
export class IdempotencyRecord extends RecordBase {
  /** Keys are scoped per API key, so two clients cannot collide or read each other's answers. */
  @ReferenceColumn()
  apiKeyId!: string;

  @VarcharColumn(200)
  key!: string;

  @VarcharColumn(300)
  route!: string;

  /** SHA-256 of the canonical JSON of route and body. */
  @VarcharColumn(64)
  requestHash!: string;

  /** Null while the first request with the key is running. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @ReferenceColumn({ nullable: true })
  resourceId!: string | null;
}
