import { Column, Entity } from 'typeorm';
import { ReferenceColumn, VarcharColumn } from '../database/columns';
import { RecordBase } from '../database/record-base';

/** A stored answer to a POST sent with an Idempotency-Key, replayed when the key comes again. */
@Entity('idempotency_records')
export class IdempotencyRecord extends RecordBase {
  /** Keys are scoped per API key, so two clients cannot collide or read each other's answers. */
  @ReferenceColumn()
  apiKeyId!: string;

  @VarcharColumn(200)
  key!: string;

  @VarcharColumn(300)
  route!: string;

  /** SHA-256 of the canonical JSON body. */
  @VarcharColumn(64)
  requestHash!: string;

  @Column({ type: 'integer' })
  status!: number;

  @Column({ type: 'text' })
  responseBody!: string;
}
