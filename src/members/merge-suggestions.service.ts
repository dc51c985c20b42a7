import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainError, unknownReference } from '../common/errors/domain-error';
import { Page, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation, readRows } from '../database/sql';
import { MergeSuggestionDto, MergeSuggestionsQuery } from './dto/merge-suggestion.dto';
import { DuplicateFinder, DuplicatePair } from './duplicate-finder';
import { Identity } from './identity.entity';
import { Member } from './member.entity';
import { MergeDismissal } from './merge-dismissal.entity';
import { MembersErrorCode } from './members-error-code';

const BATCH = 5000;

/**
 * Likely duplicate members. One streaming pass over members and identities feeds a blocking
 * DuplicateFinder (no all-pairs comparison); the sorted result is kept until members or
 * identities change, so that paging through it does not redo the pass. Dismissed pairs are
 * left out on every read.
 */
@Injectable()
export class MergeSuggestionsService {
  private cache?: { signature: string; pairs: Promise<DuplicatePair[]> };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: MergeSuggestionsQuery): Promise<Page<MergeSuggestionDto>> {
    const memberId = query.memberId?.toLowerCase();
    const dismissed = new Set(
      (await this.dataSource.getRepository(MergeDismissal).find()).map(
        (dismissal) => `${dismissal.memberId}:${dismissal.otherMemberId}`,
      ),
    );
    const pairs = (await this.pairs()).filter(
      (pair) =>
        !dismissed.has([pair.memberId, pair.otherMemberId].sort().join(':')) &&
        (!query.reason || pair.reasons.some((reason) => reason.code === query.reason)) &&
        (query.minConfidence === undefined || pair.confidence >= query.minConfidence) &&
        (!memberId || pair.memberId === memberId || pair.otherMemberId === memberId),
    );
    const position = decodeCursor(query.cursor);
    const start = position
      ? pairs.findIndex(
          (pair) =>
            pair.confidence < Number(position.value) ||
            (pair.confidence === Number(position.value) && pairKey(pair) > position.id),
        )
      : 0;
    const limit = query.limit ?? 50;
    const page = start < 0 ? [] : pairs.slice(start, start + limit);
    const ids = [...new Set(page.flatMap((pair) => [pair.memberId, pair.otherMemberId]))];
    const members = new Map(
      (ids.length ? await this.dataSource.getRepository(Member).findBy({ id: In(ids) }) : []).map(
        (member) => [member.id, member],
      ),
    );
    const last = page[page.length - 1];
    return {
      items: page
        .filter((pair) => members.has(pair.memberId) && members.has(pair.otherMemberId))
        .map((pair) => MergeSuggestionDto.from(pair, members)),
      nextCursor:
        last && start + limit < pairs.length
          ? encodeCursor({ value: last.confidence, id: pairKey(last) })
          : null,
      total: pairs.length,
    };
  }

  /** Stores that the two are different people; idempotent (created is false the second time). */
  async dismiss(
    memberId: string,
    otherMemberId: string,
  ): Promise<{ dismissal: MergeDismissal; created: boolean }> {
    const [first, second] = [memberId.toLowerCase(), otherMemberId.toLowerCase()];
    if (first === second)
      throw new DomainError(
        'unprocessable',
        MembersErrorCode.SAME_MEMBER,
        'otherMemberId names memberId again',
        [
          {
            field: 'otherMemberId',
            reason: 'is the same member as memberId',
            code: MembersErrorCode.SAME_MEMBER,
          },
        ],
      );
    const found = await this.dataSource.getRepository(Member).findBy({ id: In([first, second]) });
    for (const [field, id] of [
      ['memberId', first],
      ['otherMemberId', second],
    ]) {
      if (!found.some((member) => member.id === id))
        throw unknownReference(MembersErrorCode.UNKNOWN_MEMBER, field, id);
    }
    const key = {
      memberId: first < second ? first : second,
      otherMemberId: first < second ? second : first,
    };
    const repository = this.dataSource.getRepository(MergeDismissal);
    const existing = await repository.findOneBy(key);
    if (existing) return { dismissal: existing, created: false };
    const dismissal = Object.assign(new MergeDismissal(), { ...key, createdAt: Date.now() });
    try {
      await repository.insert(dismissal);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { dismissal: await repository.findOneByOrFail(key), created: false };
    }
    return { dismissal, created: true };
  }

  private async pairs(): Promise<DuplicatePair[]> {
    const signature = await this.signature();
    if (this.cache?.signature !== signature) {
      const pairs = this.compute();
      this.cache = { signature, pairs };
      pairs.catch(() => {
        if (this.cache?.pairs === pairs) this.cache = undefined;
      });
    }
    return this.cache.pairs;
  }

  /** Changes whenever a member or an identity is added or changed. */
  private async signature(): Promise<string> {
    const parts = await Promise.all(
      [
        ['members', 'updated_at'],
        ['identities', 'created_at'],
      ].map(([table, column]) =>
        this.dataSource.query(
          `SELECT COUNT(*) AS count, COALESCE(SUM(${column}), 0) AS total FROM ${table}`,
        ),
      ),
    );
    return JSON.stringify(
      parts.map((rows: Record<string, unknown>[]) => {
        const [row] = readRows(rows);
        return [row.string('count'), row.string('total')];
      }),
    );
  }

  private async compute(): Promise<DuplicatePair[]> {
    const finder = new DuplicateFinder();
    for (let after = ''; ;) {
      // Raw rows, not entities: this pass reads every member.
      const members = readRows(
        await this.dataSource
          .createQueryBuilder()
          .select('member.id', 'id')
          .addSelect('member.email', 'email')
          .addSelect('member.name', 'name')
          .addSelect('member.created_at', 'createdAt')
          .from(Member, 'member')
          .where('member.merged_into_id IS NULL')
          .andWhere('member.id > :after', { after })
          .orderBy('member.id', 'ASC')
          .limit(BATCH)
          .getRawMany<Record<string, unknown>>(),
      );
      for (const member of members)
        finder.addMember({
          id: member.string('id'),
          email: member.stringOrNull('email'),
          name: member.stringOrNull('name'),
          createdAt: member.instant('createdAt'),
        });
      if (members.length < BATCH) break;
      after = members[members.length - 1].string('id');
    }
    for (let after = ''; ;) {
      const identities = await this.dataSource
        .createQueryBuilder()
        .select('identity.id', 'id')
        .addSelect('identity.member_id', 'memberId')
        .addSelect('identity.platform', 'platform')
        .addSelect('identity.handle_normalized', 'handle')
        .from(Identity, 'identity')
        .where('identity.id > :after', { after })
        .orderBy('identity.id', 'ASC')
        .limit(BATCH)
        .getRawMany<{ id: string; memberId: string; platform: string; handle: string }>();
      for (const identity of identities)
        finder.addHandle(identity.memberId, identity.platform, identity.handle);
      if (identities.length < BATCH) break;
      after = identities[identities.length - 1].id;
    }
    return (await finder.pairs()).sort(
      (left, right) =>
        right.confidence - left.confidence || compareText(pairKey(left), pairKey(right)),
    );
  }
}

function pairKey(pair: DuplicatePair): string {
  return `${pair.memberId}:${pair.otherMemberId}`;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
