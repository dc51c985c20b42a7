import { Column, Entity } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  MinorUnitsColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

/** Paid acquisition: spend over a period on a channel, and the prospects it reached. */
@Entity('campaigns')
export class Campaign extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @VarcharColumn(200)
  name!: string;

  @VarcharColumn(64)
  channel!: string;

  @MinorUnitsColumn()
  spendMinor!: number;

  @VarcharColumn(3)
  currency!: string;

  @MinorUnitsColumn()
  baseSpendMinor!: number;

  @VarcharColumn(32)
  rate!: string;

  @InstantColumn()
  startsAt!: number;

  @InstantColumn()
  endsAt!: number;

  @Column({ type: 'integer', default: 0 })
  prospects!: number;
}
