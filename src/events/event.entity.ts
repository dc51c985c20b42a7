import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, MinorUnitsColumn } from '../database/columns';

export const EVENT_KINDS = ['online', 'in-person'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A community event; its cost counts as community acquisition cost. */
@Entity('events')
export class CommunityEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: EventKind;

  @InstantColumn()
  startsAt!: number;

  @InstantColumn({ nullable: true })
  endsAt!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  location!: string | null;

  /** The cost as sent, in minor units of `currency`. */
  @MinorUnitsColumn()
  costMinor!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** The cost in minor units of the base currency, converted once at write time. */
  @MinorUnitsColumn()
  baseCostMinor!: number;

  @Column({ type: 'varchar', length: 32 })
  rate!: string;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
