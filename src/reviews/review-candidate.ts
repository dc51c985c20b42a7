import { newRecordId } from '../common/ids/time-ordered-uuid';
import { EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { FieldRule } from '../common/records/compare-record';
import { requireMember } from '../members/member-reference';
import { normalizePlatform } from '../members/normalize';
import { normalizeUrl } from '../mentions/normalize-url';
import { CreateReviewDto } from './dto/create-review.dto';
import { productOrders } from './review-verification';
import { Review } from './review.entity';
import { deriveVerifiedPurchase } from './verified-purchase';
import { CommonErrorCode } from '../common/errors/common-error-code';

/** How each field compares when the same review is written again. */
export const REVIEW_RULES: Partial<Record<keyof Review, FieldRule>> = {
  memberId: 'fixed',
  product: 'fixed',
  platform: 'fixed',
  publishedAt: 'fixed',
  rating: 'fixed',
  externalId: 'fillable',
  urlNormalized: 'fillable',
  title: 'fillable',
  body: 'fillable',
  views: 'mutable',
  helpfulVotes: 'mutable',
  verifiedPurchase: 'mutable',
  verifiedPurchaseSource: 'mutable',
};

/** Entity fields as the API names them, for conflicts. */
export const API_FIELD: Partial<Record<keyof Review, string>> = { urlNormalized: 'url' };

/**
 * The review a write describes; fields the client left out stay undefined and take no part in
 * comparisons. The verified flag is derived when the member's orders name products.
 */
export async function buildReviewCandidate(
  manager: EntityManager,
  input: CreateReviewDto,
): Promise<Partial<Review>> {
  if (!input.externalId && !input.url) {
    throw new DomainError(
      'invalid',
      CommonErrorCode.VALIDATION_FAILED,
      'url is required without externalId',
      [{ field: 'url', reason: 'is required when there is no externalId', code: 'isDefined' }],
    );
  }
  const urlNormalized = input.url ? normalizeUrl(input.url) : undefined;
  if (input.url && !urlNormalized) throw invalidField('url', 'must be an http(s) URL', 'isUrl');
  const platform = normalizePlatform(input.platform);
  const member = await requireMember(manager, {
    id: input.memberId,
    externalId: input.memberExternalId,
    email: input.memberEmail,
    platform: input.handle ? platform : undefined,
    handle: input.handle,
  });
  const publishedAt = parseIsoInstant(input.publishedAt)!;
  const product = input.product.trim();
  const derived = deriveVerifiedPurchase(
    await productOrders(manager, member.id),
    product,
    publishedAt,
  );
  return {
    externalId: input.externalId ?? undefined,
    memberId: member.id,
    product,
    rating: input.rating,
    title: input.title ?? undefined,
    body: input.body ?? undefined,
    platform,
    url: input.url?.trim(),
    urlNormalized,
    publishedAt,
    views: input.views,
    helpfulVotes: input.helpfulVotes,
    verifiedPurchase: derived ?? input.verifiedPurchase ?? undefined,
    verifiedPurchaseSource: derived === undefined ? 'given' : 'derived',
  };
}

export function newReview(candidate: Partial<Review>): Review {
  const now = Date.now();
  return Object.assign(new Review(), {
    id: newRecordId(),
    externalId: candidate.externalId ?? null,
    memberId: candidate.memberId!,
    product: candidate.product!,
    rating: candidate.rating!,
    title: candidate.title ?? null,
    body: candidate.body ?? null,
    platform: candidate.platform!,
    url: candidate.url ?? null,
    urlNormalized: candidate.urlNormalized ?? null,
    publishedAt: candidate.publishedAt!,
    views: candidate.views ?? 0,
    helpfulVotes: candidate.helpfulVotes ?? 0,
    verifiedPurchase: candidate.verifiedPurchase ?? false,
    verifiedPurchaseSource: candidate.verifiedPurchaseSource!,
    createdAt: now,
    updatedAt: now,
  });
}
