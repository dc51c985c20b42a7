import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, conflict, notFound, unknownReference } from '../common/errors/domain-error';
import { Identity } from './identity.entity';
import { moveTags, reassign } from './member-merge-moves';
import { Member } from './member.entity';
import { MembersService } from './members.service';
import { MergeCounts, MergeMoveCounts, MergeMovers } from './merge-movers';
import { MembersErrorCode } from './members-error-code';

export interface MergeOutcome extends MergeCounts {
  survivor: Member;
  merged: Member;
}

/** Runs inside the merge's transaction, after every record moved (e.g. to convert a referral). */
export type MergeListener = (
  manager: EntityManager,
  survivor: Member,
  merged: Member,
) => Promise<void>;

@Injectable()
export class MemberMergeService {
  private readonly listeners: MergeListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly movers: MergeMovers,
  ) {}

  onMembersMerged(listener: MergeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Moves every record of `otherId` onto `survivorId` in one transaction and leaves the other
   * member as a pointer (mergedIntoId). Refuses, changing nothing, what would break a rule.
   */
  async merge(
    survivorId: string,
    otherId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MergeOutcome> {
    if (survivorId === otherId)
      throw new DomainError(
        'unprocessable',
        MembersErrorCode.MERGE_INTO_SELF,
        'a member cannot be merged into itself',
        [
          {
            field: 'otherMemberId',
            reason: 'is the member itself',
            code: MembersErrorCode.MERGE_INTO_SELF,
          },
        ],
      );
    const counts = await manager.transaction((transaction) =>
      this.mergeIn(transaction, survivorId, otherId),
    );
    return {
      ...counts,
      survivor: await this.members.get(survivorId),
      merged: await this.members.get(otherId),
    };
  }

  /** The two members of a merge as they are now (what a replay of the merge answers). */
  async pair(
    survivorId: string,
    otherId: string,
  ): Promise<Pick<MergeOutcome, 'survivor' | 'merged'>> {
    return {
      survivor: await this.members.get(survivorId),
      merged: await this.members.get(otherId),
    };
  }

  private async mergeIn(
    manager: EntityManager,
    survivorId: string,
    otherId: string,
  ): Promise<MergeCounts> {
    const now = Date.now();
    // Writing both rows first locks them (PostgreSQL row locks, SQLite's write lock) against a concurrent merge.
    await manager.update(Member, { id: In([survivorId, otherId]) }, { updatedAt: now });
    const survivor = await manager.findOneBy(Member, { id: survivorId });
    if (!survivor) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', survivorId);
    const other = await manager.findOneBy(Member, { id: otherId });
    if (!other) throw unknownReference(MembersErrorCode.UNKNOWN_MEMBER, 'otherMemberId', otherId);
    if (survivor.mergedIntoId)
      throw conflict(
        MembersErrorCode.MEMBER_ALREADY_MERGED,
        `this member was merged into ${survivor.mergedIntoId}`,
        'id',
      );
    if (other.mergedIntoId)
      throw conflict(
        MembersErrorCode.MEMBER_ALREADY_MERGED,
        `this member was merged into ${other.mergedIntoId}`,
        'otherMemberId',
      );
    const identities = await reassign(
      manager,
      Identity,
      'memberId',
      'member_id',
      otherId,
      survivorId,
    );
    const tags = await moveTags(manager, survivorId, otherId);
    // Every key of the response, in its order; each feature's mover adds its own counts.
    const counts: MergeCounts = {
      moved: {
        identities,
        tags: tags.moved,
        purchases: 0,
        reviews: 0,
        mentions: 0,
        feedback: 0,
        attendance: 0,
        eventGuests: 0,
        referralsMade: 0,
        referralsReceived: 0,
      },
      dropped: {
        tags: tags.dropped,
        feedback: 0,
        attendance: 0,
        eventGuests: 0,
        referralsReceived: 0,
        valueSnapshots: 0,
      },
    };
    for (const mover of this.movers.all())
      addCounts(counts, await mover.move(manager, survivor, other, now));

    await this.combineFields(manager, survivor, other, now);
    const mergedSurvivor = await manager.findOneByOrFail(Member, { id: survivorId });
    const pointer = await manager.findOneByOrFail(Member, { id: otherId });
    for (const listener of this.listeners) await listener(manager, mergedSurvivor, pointer);
    return counts;
  }

  /**
   * The survivor keeps its own fields and fills the empty ones from the other. A unique value
   * (externalId, email) that moves is cleared on the pointer first; one that stays on the
   * pointer still finds the survivor, because lookups follow mergedIntoId. The referral code
   * stays on the pointer for the same reason. Acquisition and a profiling objection take the
   * earlier date of the two.
   */
  private async combineFields(
    manager: EntityManager,
    survivor: Member,
    other: Member,
    now: number,
  ): Promise<void> {
    const fill: Partial<Member> = {};
    const pointer: Partial<Member> = { mergedIntoId: survivor.id, updatedAt: now };
    if (!survivor.externalId && other.externalId) {
      fill.externalId = other.externalId;
      pointer.externalId = null;
    }
    if (!survivor.emailNormalized && other.emailNormalized) {
      Object.assign(fill, { email: other.email, emailNormalized: other.emailNormalized });
      Object.assign(pointer, { email: null, emailNormalized: null });
    }
    if (!survivor.name && other.name) fill.name = other.name;
    if (!survivor.acquisitionChannel && other.acquisitionChannel)
      fill.acquisitionChannel = other.acquisitionChannel;
    if (!survivor.acquisitionCampaignId && other.acquisitionCampaignId)
      fill.acquisitionCampaignId = other.acquisitionCampaignId;
    if (
      other.acquiredAt !== null &&
      (survivor.acquiredAt === null || other.acquiredAt < survivor.acquiredAt)
    )
      Object.assign(fill, {
        acquiredAt: other.acquiredAt,
        acquiredAtSource: other.acquiredAtSource,
      });
    if (
      other.profilingObjectionAt !== null &&
      (survivor.profilingObjectionAt === null ||
        other.profilingObjectionAt < survivor.profilingObjectionAt)
    )
      fill.profilingObjectionAt = other.profilingObjectionAt;
    await manager.update(Member, { id: other.id }, pointer);
    await manager.update(Member, { id: survivor.id }, { ...fill, updatedAt: now });
  }
}

function addCounts(counts: MergeCounts, added: MergeMoveCounts): void {
  for (const [key, count] of Object.entries(added.moved ?? {}))
    counts.moved[key as keyof MergeCounts['moved']] += count;
  for (const [key, count] of Object.entries(added.dropped ?? {}))
    counts.dropped[key as keyof MergeCounts['dropped']] += count;
}
