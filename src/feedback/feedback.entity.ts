import { Column, Entity } from 'typeorm';
import {
  ExternalIdColumn,
  InstantColumn,
  ReferenceColumn,
  VarcharColumn,
} from '../database/columns';
import { EditableRecordBase } from '../database/editable-record-base';

export const FEEDBACK_KINDS = ['idea', 'bug', 'praise'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_STATUSES = ['submitted', 'accepted', 'shipped', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Product feedback from a member; accepted and shipped items earn knowledge value. */
@Entity('feedback')
export class Feedback extends EditableRecordBase {
  @ExternalIdColumn()
  externalId!: string | null;

  @ReferenceColumn()
  memberId!: string;

  @VarcharColumn(16)
  kind!: FeedbackKind;

  /** As sent, HTML and all: whoever shows it must escape it. */
  @Column({ type: 'text' })
  text!: string;

  /** SHA-256 of the text (hex): part of the natural key without an externalId. */
  @VarcharColumn(64)
  textHash!: string;

  @VarcharColumn(16)
  status!: FeedbackStatus;

  @InstantColumn()
  submittedAt!: number;

  @InstantColumn({ nullable: true })
  acceptedAt!: number | null;

  @InstantColumn({ nullable: true })
  shippedAt!: number | null;

  @InstantColumn({ nullable: true })
  declinedAt!: number | null;
}
