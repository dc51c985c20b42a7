import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A member's handle on a platform; (platform, lower(handle)) is unique. */
@Entity('identities')
export class Identity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ type: 'varchar', length: 200 })
  handle!: string;

  @Column({ type: 'varchar', length: 200 })
  handleNormalized!: string;

  @InstantColumn()
  createdAt!: number;
}
