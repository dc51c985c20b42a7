import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, notFound } from '../common/errors/domain-error';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { compareRecord } from '../common/records/compare-record';
import { insertUnlessRaced } from '../database/insert-unless-raced';
import { RowOutcome } from '../imports/record-importer';
import { normalizePlatform } from '../members/normalize';
import { CreateReviewDto } from './dto/create-review.dto';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { UpdateReviewDto } from './dto/update-review.dto';
import { API_FIELD, REVIEW_RULES, buildReviewCandidate, newReview } from './review-candidate';
import { Review } from './review.entity';
import { ReviewsErrorCode } from './reviews-error-code';

const EDITABLE = ['rating', 'title', 'body', 'views', 'helpfulVotes'] as const;

@Injectable()
export class ReviewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a review, or finds it again by externalId or (platform, normalised url): changed
   * counters (and a newly derived verified flag) are an update, the same content is
   * unchanged, any other difference is a 409.
   */
  write(
    input: CreateReviewDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ review: Review; outcome: RowOutcome }> {
    return manager.transaction(async (transaction) => {
      const candidate = await buildReviewCandidate(transaction, input);
      let existing = await this.findSame(transaction, candidate);
      if (!existing) {
        const review = newReview(candidate);
        // A copy: on PostgreSQL, insert writes the raw (string) bigint defaults back into it.
        const stored = await insertUnlessRaced(transaction, (savepoint) =>
          savepoint.insert(Review, { ...review }),
        );
        if (stored === 'inserted') return { review, outcome: 'created' };
        // A concurrent request stored the same review first: compare with it as if found.
        existing = await this.findSame(transaction, candidate);
        if (!existing)
          throw conflict(
            ReviewsErrorCode.REVIEW_EXISTS,
            'this review was stored meanwhile; send it again',
            'url',
          );
      }
      const comparison = compareRecord(existing, candidate, REVIEW_RULES);
      if (comparison.outcome === 'conflict') {
        const field = API_FIELD[comparison.field] ?? comparison.field;
        throw conflict(
          ReviewsErrorCode.REVIEW_EXISTS,
          `this review is stored with another ${field}`,
          field,
        );
      }
      if (comparison.outcome === 'updated') {
        const changes = { ...comparison.changes, updatedAt: Date.now() };
        if (changes.urlNormalized) changes.url = candidate.url;
        Object.assign(existing, changes);
        await transaction.update(Review, { id: existing.id }, changes);
      }
      return { review: existing, outcome: comparison.outcome };
    });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Review> {
    const review = await manager.getRepository(Review).findOneBy({ id });
    if (!review) throw notFound(ReviewsErrorCode.REVIEW_NOT_FOUND, 'id', id);
    return review;
  }

  /** Edits rating, title, body and counters; the fields left out keep their values. */
  update(
    id: string,
    input: UpdateReviewDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Review> {
    return manager.transaction(async (transaction) => {
      const review = await this.get(id, transaction);
      const changes: Partial<Review> = {};
      for (const field of EDITABLE) {
        const value = input[field];
        if (value !== undefined && value !== review[field])
          Object.assign(changes, { [field]: value });
      }
      if (!Object.keys(changes).length) return review;
      Object.assign(review, changes, { updatedAt: Date.now() });
      await transaction.update(Review, { id }, { ...changes, updatedAt: review.updatedAt });
      return review;
    });
  }

  async remove(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const result = await manager.delete(Review, { id });
    if (!result.affected) throw notFound(ReviewsErrorCode.REVIEW_NOT_FOUND, 'id', id);
  }

  list(query: ListReviewsQuery): Promise<Page<Review>> {
    const builder = this.dataSource.getRepository(Review).createQueryBuilder('review');
    if (query.memberId)
      builder.andWhere('review.member_id = :memberId', { memberId: query.memberId.toLowerCase() });
    if (query.product) builder.andWhere('review.product = :product', { product: query.product });
    if (query.platform)
      builder.andWhere('review.platform = :platform', {
        platform: normalizePlatform(query.platform),
      });
    if (query.minRating !== undefined)
      builder.andWhere('review.rating >= :minRating', { minRating: query.minRating });
    if (query.from)
      builder.andWhere('review.published_at >= :from', { from: parseIsoInstant(query.from) });
    if (query.to) builder.andWhere('review.published_at < :to', { to: parseIsoInstant(query.to) });
    return keysetPage(builder, {
      sortColumn: 'review.published_at',
      idColumn: 'review.id',
      sortValue: (review) => review.publishedAt,
      rowId: (review) => review.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** The one stored review that externalId or (platform, url) names; two different ones is a 409. */
  private async findSame(
    manager: EntityManager,
    candidate: Partial<Review>,
  ): Promise<Review | null> {
    const matches = await manager
      .getRepository(Review)
      .createQueryBuilder('review')
      .where(
        new Brackets((where) => {
          if (candidate.externalId)
            where.orWhere('review.external_id = :externalId', {
              externalId: candidate.externalId,
            });
          if (candidate.urlNormalized)
            where.orWhere('(review.platform = :platform AND review.url_normalized = :url)', {
              platform: candidate.platform,
              url: candidate.urlNormalized,
            });
        }),
      )
      .limit(2)
      .getMany();
    if (matches.length > 1) {
      throw conflict(
        ReviewsErrorCode.REVIEW_KEYS_DISAGREE,
        'the externalId and the url name different stored reviews',
        'url',
      );
    }
    return matches[0] ?? null;
  }
}
