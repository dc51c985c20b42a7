import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, MinorUnitsColumn } from '../database/columns';

/** Paid acquisition: spend over a period on a channel, and the prospects it reached. */
@Entity('campaigns')
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  channel!: string;

  @MinorUnitsColumn()
  spendMinor!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @MinorUnitsColumn()
  baseSpendMinor!: number;

  @Column({ type: 'varchar', length: 32 })
  rate!: string;

  @InstantColumn()
  startsAt!: number;

  @InstantColumn()
  endsAt!: number;

  @Column({ type: 'integer', default: 0 })
  prospects!: number;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
