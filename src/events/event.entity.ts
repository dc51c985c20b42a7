import { Entity } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  MinorUnitsColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const EVENT_KINDS = ['online', 'in-person'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A community event; its cost counts as community acquisition cost. */
@Entity('events')
export class CommunityEvent extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @VarcharColumn(200)
  name!: string;

  @VarcharColumn(16)
  kind!: EventKind;

  @InstantColumn()
  startsAt!: number;

  @InstantColumn({ nullable: true })
  endsAt!: number | null;

  @VarcharColumn(500, { nullable: true })
  location!: string | null;

  /** The cost as sent, in minor units of `currency`. */
  @MinorUnitsColumn()
  costMinor!: number;

  @VarcharColumn(3)
  currency!: string;

  /** The cost in minor units of the base currency, converted once at write time. */
  @MinorUnitsColumn()
  baseCostMinor!: number;

  @VarcharColumn(32)
  rate!: string;
}
