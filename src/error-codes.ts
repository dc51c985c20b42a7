import { AuditErrorCode } from './audit/audit-error-code';
import { AuthErrorCode } from './auth/auth-error-code';
import { CampaignsErrorCode } from './campaigns/campaigns-error-code';
import { CommonErrorCode } from './common/errors/common-error-code';
import { DigestsErrorCode } from './digests/digests-error-code';
import { EventsErrorCode } from './events/events-error-code';
import { FeedbackErrorCode } from './feedback/feedback-error-code';
import { ImportsErrorCode } from './imports/imports-error-code';
import { MembersErrorCode } from './members/members-error-code';
import { MentionsErrorCode } from './mentions/mentions-error-code';
import { PrivacyErrorCode } from './privacy/privacy-error-code';
import { PurchasesErrorCode } from './purchases/purchases-error-code';
import { ReferralsErrorCode } from './referrals/referrals-error-code';
import { ReviewsErrorCode } from './reviews/reviews-error-code';
import { ValueErrorCode } from './value/value-error-code';
import { WebhooksErrorCode } from './webhooks/webhooks-error-code';

/** Every module's error-code enum, by module: the OpenAPI document lists them from here. */
export const ERROR_CODES_BY_MODULE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  common: CommonErrorCode,
  auth: AuthErrorCode,
  campaigns: CampaignsErrorCode,
  digests: DigestsErrorCode,
  events: EventsErrorCode,
  feedback: FeedbackErrorCode,
  imports: ImportsErrorCode,
  members: MembersErrorCode,
  mentions: MentionsErrorCode,
  purchases: PurchasesErrorCode,
  referrals: ReferralsErrorCode,
  reviews: ReviewsErrorCode,
  value: ValueErrorCode,
  privacy: PrivacyErrorCode,
  webhooks: WebhooksErrorCode,
  audit: AuditErrorCode,
};

/** Each module's codes, in the order its enum declares them. */
export function errorCodesByModule(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(ERROR_CODES_BY_MODULE).map(([module, codes]) => [module, Object.values(codes)]),
  );
}

/** Every code any response may carry, sorted. */
export function allErrorCodes(): string[] {
  return Object.values(errorCodesByModule()).flat().sort();
}
