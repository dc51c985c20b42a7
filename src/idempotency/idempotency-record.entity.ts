import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A stored answer to a POST sent with an Idempotency-Key, replayed when the key comes again. */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Keys are scoped per API key, so two clients cannot collide or read each other's answers. */
  @Column({ type: 'varchar', length: 36 })
  apiKeyId!: string;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 300 })
  route!: string;

  /** SHA-256 of the canonical JSON body. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'integer' })
  status!: number;

  @Column({ type: 'text' })
  responseBody!: string;

  @InstantColumn()
  createdAt!: number;
}
