import { Purchase } from './purchase.entity';

/** Fields compared when the same externalId arrives again. */
const CONTENT_FIELDS: (keyof Purchase)[] = [
  'memberId',
  'kind',
  'amountMinor',
  'currency',
  'occurredAt',
  'product',
  'productCategory',
  'refundOfId',
  'attributionReferralCode',
  'attributionReviewId',
  'attributionMentionId',
  'attributionMentionUrl',
  'attributionEventId',
  'attributionCampaignId',
];

/** The same purchase again: every content field equal. */
export function sameContent(existing: Purchase, candidate: Purchase): boolean {
  return CONTENT_FIELDS.every((field) => existing[field] === candidate[field]);
}
