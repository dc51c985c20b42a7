import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, VarcharColumn } from './columns';

/** A named lease held by one instance until it expires: scheduled work runs once across instances. */
@Entity('leases')
export class Lease {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  name!: string;

  @VarcharColumn(100)
  holder!: string;

  @InstantColumn()
  expiresAt!: number;
}
