import { IdColumn, InstantColumn } from './columns';

/** The columns every stored record has: its id and when it was stored. */
export abstract class RecordBase {
  @IdColumn()
  id!: string;

  @InstantColumn()
  createdAt!: number;
}
