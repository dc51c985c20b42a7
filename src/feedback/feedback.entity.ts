import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export const FEEDBACK_KINDS = ['idea', 'bug', 'praise'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_STATUSES = ['submitted', 'accepted', 'shipped', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Product feedback from a member; accepted and shipped items earn knowledge value. */
@Entity('feedback')
export class Feedback {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: FeedbackKind;

  /** As sent, HTML and all: whoever shows it must escape it. */
  @Column({ type: 'text' })
  text!: string;

  /** SHA-256 of the text (hex): part of the natural key without an externalId. */
  @Column({ type: 'varchar', length: 64 })
  textHash!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: FeedbackStatus;

  @InstantColumn()
  submittedAt!: number;

  @InstantColumn({ nullable: true })
  acceptedAt!: number | null;

  @InstantColumn({ nullable: true })
  shippedAt!: number | null;

  @InstantColumn({ nullable: true })
  declinedAt!: number | null;

  @InstantColumn()
  createdAt!: number;

  @InstantColumn()
  updatedAt!: number;
}
