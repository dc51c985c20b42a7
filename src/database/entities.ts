import { ApiKey } from '../auth/api-key.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { DigestClaim } from '../digests/digest-claim.entity';
import { DigestDelivery } from '../digests/digest-delivery.entity';
import { DigestSubscription } from '../digests/digest-subscription.entity';
import { Attendance } from '../events/attendance.entity';
import { EventGuest } from '../events/event-guest.entity';
import { CommunityEvent } from '../events/event.entity';
import { Feedback } from '../feedback/feedback.entity';
import { Identity } from '../members/identity.entity';
import { Member } from '../members/member.entity';
import { MemberTag } from '../members/member-tag.entity';
import { MergeDismissal } from '../members/merge-dismissal.entity';
import { Mention } from '../mentions/mention.entity';
import { PurchaseMentionUrl } from '../mentions/purchase-mention-url.entity';
import { Purchase } from '../purchases/purchase.entity';
import { Referral } from '../referrals/referral.entity';
import { Review } from '../reviews/review.entity';
import { ValueRun } from '../value/value-run.entity';
import { ValueSnapshot } from '../value/value-snapshot.entity';
import { AppSecret } from './app-secret.entity';
import { Lease } from './lease.entity';

/** Every entity, listed once for the app, the CLI and worker threads. */
export const ENTITIES = [
  AppSecret,
  ApiKey,
  Campaign,
  Member,
  MemberTag,
  Identity,
  MergeDismissal,
  Purchase,
  Referral,
  Review,
  Mention,
  PurchaseMentionUrl,
  IdempotencyRecord,
  CommunityEvent,
  Attendance,
  EventGuest,
  Feedback,
  ValueRun,
  ValueSnapshot,
  Lease,
  DigestSubscription,
  DigestClaim,
  DigestDelivery,
];
