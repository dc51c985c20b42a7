import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { Campaign } from '../campaigns/campaign.entity';
import { ListMembersQuery } from './dto/list-members.query';
import { Identity } from './identity.entity';
import { survivorOf } from './member-reference';
import { MemberTag } from './member-tag.entity';
import { Member } from './member.entity';
import { RecordRepository } from '../database/record-repository';
import { findAmong, insertMany, keyBy } from '../database/batch/batch-plan';
import { existingCampaignIds } from '../campaigns/campaign-ids';

const SORT_COLUMNS = {
  createdAt: { column: 'member.created_at', value: (member: Member) => member.createdAt },
  name: { column: "COALESCE(member.name, '')", value: (member: Member) => member.name ?? '' },
  externalId: {
    column: "COALESCE(member.external_id, '')",
    value: (member: Member) => member.externalId ?? '',
  },
};

/**
 * The queries of members, their tags and identities. Each method is one query; `manager` is
 * the transaction the service runs, the data source's own manager otherwise.
 */
@Injectable()
export class MembersRepository extends RecordRepository<Member> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, Member);
  }

  findById(id: string, manager = this.dataSource.manager): Promise<Member | null> {
    return manager.getRepository(Member).findOne({ where: { id }, relations: { tags: true } });
  }

  findByExternalId(externalId: string, manager = this.dataSource.manager): Promise<Member | null> {
    return manager
      .getRepository(Member)
      .findOne({ where: { externalId }, relations: { tags: true } });
  }

  findByEmail(emailNormalized: string, manager = this.dataSource.manager): Promise<Member | null> {
    return manager
      .getRepository(Member)
      .findOne({ where: { emailNormalized }, relations: { tags: true } });
  }

  findByReferralCode(code: string, manager = this.dataSource.manager): Promise<Member | null> {
    return manager.getRepository(Member).findOneBy({ referralCode: code });
  }

  /** Member rows (no tags) by id; ids with no member are left out. */
  findRowsByIds(ids: string[], manager = this.dataSource.manager): Promise<Member[]> {
    if (!ids.length) return Promise.resolve([]);
    return manager.getRepository(Member).findBy({ id: In(ids) });
  }

  /** The member row alone (no tags), e.g. to check that it exists. */
  findRowById(id: string, manager = this.dataSource.manager): Promise<Member | null> {
    return manager.getRepository(Member).findOneBy({ id });
  }

  /** Where a merged member's records live now: follows mergedIntoId from the pointer. */
  findSurvivorOf(pointer: Member, manager = this.dataSource.manager): Promise<Member | null> {
    return survivorOf(manager, pointer);
  }

  campaignExists(campaignId: string, manager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(Campaign).existsBy({ id: campaignId });
  }

  /** Members (with tags) by externalId, for a batch: the map holds those that exist. */
  findByExternalIds(
    externalIds: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, Member>> {
    return this.findWithTagsBy('externalId', externalIds, manager);
  }

  /** Members (with tags) by normalised email, for a batch. */
  findByEmails(
    emailsNormalized: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, Member>> {
    return this.findWithTagsBy('emailNormalized', emailsNormalized, manager);
  }

  /** The ids among these that name a campaign. */
  existingCampaignIds(ids: string[], manager = this.dataSource.manager): Promise<Set<string>> {
    return existingCampaignIds(manager, ids);
  }

  /** The referral codes among these that a stored member has. */
  async takenReferralCodes(
    codes: string[],
    manager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const found = await findAmong(
      manager,
      Member,
      codes,
      (chunk) => ({ referralCode: In(chunk) }),
      { select: { id: true, referralCode: true } },
    );
    return new Set(found.map((member) => member.referralCode));
  }

  /** New members and their tags, in multi-row statements. */
  async insertMany(members: Member[], manager = this.dataSource.manager): Promise<void> {
    await insertMany(
      manager,
      Member,
      members.map((member) => ({ ...member, tags: undefined }) as unknown as Member),
    );
    await insertMany(
      manager,
      MemberTag,
      members.flatMap((member) =>
        member.tags.map((tag) =>
          Object.assign(new MemberTag(), { memberId: member.id, tag: tag.tag }),
        ),
      ),
    );
  }

  /** Tags are rows of their own (insertTags), not columns of the member. */
  override async insert(member: Member, manager = this.dataSource.manager): Promise<void> {
    await super.insert({ ...member, tags: undefined } as unknown as Member, manager);
  }

  async insertTags(
    memberId: string,
    tags: string[],
    manager = this.dataSource.manager,
  ): Promise<void> {
    if (tags.length)
      await manager.insert(
        MemberTag,
        tags.map((tag) => ({ memberId, tag })),
      );
  }

  async deleteTagsOf(memberId: string, manager = this.dataSource.manager): Promise<void> {
    await manager.delete(MemberTag, { memberId });
  }

  findTagsOf(memberIds: string[], manager = this.dataSource.manager): Promise<MemberTag[]> {
    if (!memberIds.length) return Promise.resolve([]);
    return manager.getRepository(MemberTag).findBy({ memberId: In(memberIds) });
  }

  /** One page of the members that are not merged pointers, filtered and sorted as asked. */
  findPage(query: ListMembersQuery): Promise<Page<Member>> {
    const sort = SORT_COLUMNS[query.sort ?? 'createdAt'];
    return keysetPage(this.listQuery(query), {
      sortColumn: sort.column,
      idColumn: 'member.id',
      sortValue: sort.value,
      rowId: (member) => member.id,
      order: query.order === 'desc' ? 'DESC' : 'ASC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  findIdentity(
    platform: string,
    handleNormalized: string,
    manager = this.dataSource.manager,
  ): Promise<Identity | null> {
    return manager.getRepository(Identity).findOneBy({ platform, handleNormalized });
  }

  findIdentityById(id: string, manager = this.dataSource.manager): Promise<Identity | null> {
    return manager.getRepository(Identity).findOneBy({ id });
  }

  async deleteIdentity(id: string, manager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(Identity).delete({ id });
  }

  async insertIdentity(identity: Identity, manager = this.dataSource.manager): Promise<void> {
    await manager.insert(Identity, identity);
  }

  findIdentitiesOf(memberId: string, manager = this.dataSource.manager): Promise<Identity[]> {
    return manager
      .getRepository(Identity)
      .find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private async findWithTagsBy(
    key: 'externalId' | 'emailNormalized',
    values: string[],
    manager: EntityManager,
  ): Promise<Map<string, Member>> {
    const members = await findAmong(manager, Member, values, (chunk) => ({ [key]: In(chunk) }), {
      relations: { tags: true },
    });
    return keyBy(members, (member) => member[key]);
  }

  private listQuery(query: ListMembersQuery): SelectQueryBuilder<Member> {
    const builder = this.dataSource
      .getRepository(Member)
      .createQueryBuilder('member')
      .where('member.merged_into_id IS NULL');
    if (query.tag) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM member_tags t WHERE t.member_id = member.id AND t.tag = :tag)',
        { tag: query.tag },
      );
    }
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      builder.andWhere(
        new Brackets((where) =>
          where
            .where("LOWER(COALESCE(member.name, '')) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("COALESCE(member.email_normalized, '') LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(COALESCE(member.external_id, '')) LIKE :pattern ESCAPE '\\'", {
              pattern,
            }),
        ),
      );
    }
    if (query.channel)
      builder.andWhere('member.acquisition_channel = :channel', { channel: query.channel });
    if (query.campaignId)
      builder.andWhere('member.acquisition_campaign_id = :campaignId', {
        campaignId: query.campaignId,
      });
    if (query.acquiredFrom)
      builder.andWhere('member.acquired_at >= :from', {
        from: parseIsoInstant(query.acquiredFrom),
      });
    if (query.acquiredTo)
      builder.andWhere('member.acquired_at < :to', { to: parseIsoInstant(query.acquiredTo) });
    return builder;
  }
}
