import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, notFound } from '../common/errors/domain-error';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { compareRecord } from '../common/records/compare-record';
import { insertUnlessRaced } from '../database/insert-unless-raced';
import { anyRow } from '../database/sql';
import { Identity } from '../members/identity.entity';
import { normalizeHandle, normalizePlatform } from '../members/normalize';
import { RowOutcome } from '../imports/record-importer';
import { CreateMentionDto } from './dto/create-mention.dto';
import { COUNTER_FIELDS } from './dto/mention-metrics.dto';
import { ListMentionsQuery } from './dto/list-mentions.query';
import { UpdateMentionDto } from './dto/update-mention.dto';
import {
  API_FIELD,
  MENTION_RULES,
  buildMentionCandidate,
  databaseMentionLookups,
  newMention,
} from './mention-candidate';
import { linkPurchasesToMention, unlinkPurchasesFromMention } from './mention-purchase-links';
import { Mention } from './mention.entity';
import { MentionsErrorCode } from './mentions-error-code';

@Injectable()
export class MentionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a mention, or finds it again by externalId, normalised url or (platform,
   * externalPostId): changed counters are an update, the same content is unchanged, any
   * other difference is a 409.
   */
  write(
    input: CreateMentionDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ mention: Mention; outcome: RowOutcome }> {
    return manager.transaction(async (transaction) => {
      const candidate = await buildMentionCandidate(input, databaseMentionLookups(transaction));
      let existing = await this.findSame(transaction, candidate.fields);
      if (!existing) {
        const mention = newMention(candidate);
        // Every column is set (newMention): nothing to read back after the insert (the
        // driver would otherwise select the columns with defaults again, a query a mention).
        const stored = await insertUnlessRaced(transaction, (savepoint) =>
          savepoint
            .createQueryBuilder()
            .insert()
            .into(Mention)
            .values({ ...mention })
            .updateEntity(false)
            .execute(),
        );
        if (stored === 'inserted') {
          await linkPurchasesToMention(transaction, mention);
          return { mention, outcome: 'created' };
        }
        // A concurrent request stored the same mention first: compare with it as if found.
        existing = await this.findSame(transaction, candidate.fields);
        if (!existing)
          throw conflict(
            MentionsErrorCode.MENTION_EXISTS,
            'this mention was stored meanwhile; send it again',
            'url',
          );
      }
      const comparison = compareRecord(existing, candidate.fields, MENTION_RULES);
      if (comparison.outcome === 'conflict') {
        const field = API_FIELD[comparison.field] ?? comparison.field;
        throw conflict(
          MentionsErrorCode.MENTION_EXISTS,
          `this mention is stored with another ${field}`,
          field,
        );
      }
      if (comparison.outcome === 'updated') {
        Object.assign(existing, comparison.changes, { updatedAt: Date.now() });
        await transaction.update(
          Mention,
          { id: existing.id },
          { ...comparison.changes, updatedAt: existing.updatedAt },
        );
      }
      return { mention: existing, outcome: comparison.outcome };
    });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Mention> {
    const mention = await manager.getRepository(Mention).findOneBy({ id });
    if (!mention) throw notFound(MentionsErrorCode.MENTION_NOT_FOUND, 'id', id);
    return mention;
  }

  /** Changes counters and sentiment; the fields left out keep their values. */
  update(
    id: string,
    input: UpdateMentionDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Mention> {
    return manager.transaction(async (transaction) => {
      const mention = await this.get(id, transaction);
      const changes: Partial<Mention> = {};
      for (const field of [...COUNTER_FIELDS, 'sentiment'] as const) {
        const value = input[field];
        if (value !== undefined && value !== mention[field])
          Object.assign(changes, { [field]: value });
      }
      if (!Object.keys(changes).length) return mention;
      Object.assign(mention, changes, { updatedAt: Date.now() });
      await transaction.update(Mention, { id }, { ...changes, updatedAt: mention.updatedAt });
      return mention;
    });
  }

  remove(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    return manager.transaction(async (transaction) => {
      const mention = await this.get(id, transaction);
      await unlinkPurchasesFromMention(transaction, mention);
      await transaction.delete(Mention, { id });
    });
  }

  list(query: ListMentionsQuery): Promise<Page<Mention>> {
    const builder = this.dataSource.getRepository(Mention).createQueryBuilder('mention');
    if (query.memberId)
      builder.andWhere('mention.member_id = :memberId', { memberId: query.memberId.toLowerCase() });
    if (query.platform)
      builder.andWhere('mention.platform = :platform', {
        platform: normalizePlatform(query.platform),
      });
    if (query.handle)
      builder.andWhere('mention.handle_normalized = :handle', {
        handle: normalizeHandle(query.handle),
      });
    if (query.unlinked === 'true') builder.andWhere('mention.member_id IS NULL');
    if (query.unlinked === 'false') builder.andWhere('mention.member_id IS NOT NULL');
    if (query.from)
      builder.andWhere('mention.posted_at >= :from', { from: parseIsoInstant(query.from) });
    if (query.to) builder.andWhere('mention.posted_at < :to', { to: parseIsoInstant(query.to) });
    if (query.minReach !== undefined)
      builder.andWhere('mention.reach >= :minReach', { minReach: query.minReach });
    return keysetPage(builder, {
      sortColumn: 'mention.posted_at',
      idColumn: 'mention.id',
      sortValue: (mention) => mention.postedAt,
      rowId: (mention) => mention.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** Identity listener: mentions by this handle that waited for a member now belong to it. */
  async linkToIdentity(manager: EntityManager, identity: Identity): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Mention)
      .set({ memberId: identity.memberId, updatedAt: Date.now() })
      .where('platform = :platform AND handle_normalized = :handle AND member_id IS NULL', {
        platform: identity.platform,
        handle: identity.handleNormalized,
      })
      .execute();
  }

  /** The one stored mention that any key of the candidate names; two different ones is a 409. */
  private async findSame(
    manager: EntityManager,
    candidate: Partial<Mention>,
  ): Promise<Mention | null> {
    // A new mention (most writes) is answered by a probe, without the query builder.
    const keys = [
      'url_normalized = :url',
      ...(candidate.externalId ? ['external_id = :externalId'] : []),
      ...(candidate.externalPostId
        ? ['(platform = :platform AND external_post_id = :postId)']
        : []),
    ];
    const probe = `SELECT 1 FROM mentions WHERE ${keys.join(' OR ')} LIMIT 1`;
    const found = await anyRow(manager, probe, {
      url: candidate.urlNormalized,
      externalId: candidate.externalId,
      platform: candidate.platform,
      postId: candidate.externalPostId,
    });
    if (!found) return null;
    const matches = await manager
      .getRepository(Mention)
      .createQueryBuilder('mention')
      .where(
        new Brackets((where) => {
          where.where('mention.url_normalized = :url', { url: candidate.urlNormalized });
          if (candidate.externalId)
            where.orWhere('mention.external_id = :externalId', {
              externalId: candidate.externalId,
            });
          if (candidate.externalPostId)
            where.orWhere('(mention.platform = :platform AND mention.external_post_id = :postId)', {
              platform: candidate.platform,
              postId: candidate.externalPostId,
            });
        }),
      )
      .limit(2)
      .getMany();
    if (matches.length > 1) {
      throw conflict(
        MentionsErrorCode.MENTION_KEYS_DISAGREE,
        'the url, externalId and externalPostId name different stored mentions',
        'url',
      );
    }
    return matches[0] ?? null;
  }
}
