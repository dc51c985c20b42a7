import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A pair a manager said are two people: never suggested for merging again. Ids stored in order. */
@Entity('merge_dismissals')
export class MergeDismissal {
  /** The smaller of the two member ids. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId!: string;

  /** The larger of the two member ids. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  otherMemberId!: string;

  @InstantColumn()
  createdAt!: number;
}
