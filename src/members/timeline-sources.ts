import { EntityTarget, ObjectLiteral } from 'typeorm';
import { Attendance } from '../events/attendance.entity';
import { Feedback } from '../feedback/feedback.entity';
import { Mention } from '../mentions/mention.entity';
import { Purchase } from '../purchases/purchase.entity';
import { Referral } from '../referrals/referral.entity';
import { Review } from '../reviews/review.entity';
import { TimelineType } from './dto/timeline.dto';

/** Where one type of timeline record lives: its table, the member column and its date. */
export interface TimelineSource<T extends ObjectLiteral = ObjectLiteral> {
  type: TimelineType;
  entity: EntityTarget<T>;
  alias: string;
  memberColumn: string;
  /** SQL for the date the timeline sorts on; `occurredAt` computes the same from a row. */
  occurredColumn: string;
  occurredAt: (row: T) => number;
}

function source<T extends ObjectLiteral>(definition: TimelineSource<T>): TimelineSource {
  return definition as unknown as TimelineSource;
}

export const TIMELINE_SOURCES: Record<TimelineType, TimelineSource> = {
  purchase: source<Purchase>({
    type: 'purchase',
    entity: Purchase,
    alias: 'purchase',
    memberColumn: 'purchase.member_id',
    occurredColumn: 'purchase.occurred_at',
    occurredAt: (purchase) => purchase.occurredAt,
  }),
  referral_made: source<Referral>({
    type: 'referral_made',
    entity: Referral,
    alias: 'referral',
    memberColumn: 'referral.referrer_id',
    occurredColumn: 'referral.invited_at',
    occurredAt: (referral) => referral.invitedAt,
  }),
  referral_received: source<Referral>({
    type: 'referral_received',
    entity: Referral,
    alias: 'referral',
    memberColumn: 'referral.referee_member_id',
    occurredColumn: 'referral.invited_at',
    occurredAt: (referral) => referral.invitedAt,
  }),
  review: source<Review>({
    type: 'review',
    entity: Review,
    alias: 'review',
    memberColumn: 'review.member_id',
    occurredColumn: 'review.published_at',
    occurredAt: (review) => review.publishedAt,
  }),
  mention: source<Mention>({
    type: 'mention',
    entity: Mention,
    alias: 'mention',
    memberColumn: 'mention.member_id',
    occurredColumn: 'mention.posted_at',
    occurredAt: (mention) => mention.postedAt,
  }),
  attendance: source<Attendance>({
    type: 'attendance',
    entity: Attendance,
    alias: 'attendance',
    memberColumn: 'attendance.member_id',
    occurredColumn:
      'COALESCE(attendance.attended_at, attendance.no_show_at, attendance.registered_at)',
    occurredAt: (attendance) =>
      attendance.attendedAt ?? attendance.noShowAt ?? attendance.registeredAt,
  }),
  feedback: source<Feedback>({
    type: 'feedback',
    entity: Feedback,
    alias: 'feedback',
    memberColumn: 'feedback.member_id',
    occurredColumn: 'feedback.submitted_at',
    occurredAt: (feedback) => feedback.submittedAt,
  }),
};
