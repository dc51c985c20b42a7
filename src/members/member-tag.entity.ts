import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Member } from './member.entity';

/** One row per (member, tag): tags are filtered on, so they get their own indexed table. */
@Entity('member_tags')
export class MemberTag {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  tag!: string;

  @ManyToOne(() => Member, (member) => member.tags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member!: Member;
}
