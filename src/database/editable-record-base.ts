import { InstantColumn } from './columns';
import { RecordBase } from './record-base';

/** A record that changes after it is stored: it also says when it last did. */
export abstract class EditableRecordBase extends RecordBase {
  @InstantColumn()
  updatedAt!: number;
}
