import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, invalidField, notFound, unknownReference } from '../common/errors/domain-error';
import { Page } from '../common/pagination/cursor';
import { isUniqueViolation } from '../database/sql';
import { CreateMemberDto } from './dto/create-member.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberFieldsDto } from './dto/member-fields';
import { UpdateMemberDto } from './dto/update-member.dto';
import { MemberTag } from './member-tag.entity';
import { Member } from './member.entity';
import { MembersRepository } from './members.repository';
import { normalizeEmail } from './normalize';
import { generateReferralCode } from './referral-code';
import { CampaignsErrorCode } from '../campaigns/campaigns-error-code';
import { MembersErrorCode } from './members-error-code';
import { BatchPlan } from '../database/batch/batch-plan';
import { MembersBatchPlan } from './members-batch';
import { ErasureTombstones, PersonKey, emailKey, externalIdKey } from './erasure-tombstones';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Runs in the transaction that creates members (e.g. to link a pending referral by email):
 * one member for a single request, a batch's new members for an import.
 */
export type MemberListener = (manager: EntityManager, members: Member[]) => Promise<void>;

/**
 * Runs in the transaction that records a member's objection to profiling (e.g. to delete what
 * was computed about them), so that the objection and its consequences commit together.
 */
export type ObjectionListener = (manager: EntityManager, member: Member) => Promise<void>;

@Injectable()
export class MembersService {
  private readonly listeners: MemberListener[] = [];
  private readonly objectionListeners: ObjectionListener[] = [];

  constructor(
    private readonly members: MembersRepository,
    private readonly tombstones: ErasureTombstones,
  ) {}

  onMemberCreated(listener: MemberListener): void {
    this.listeners.push(listener);
  }

  /** A member who had not objected now does (PATCH); a new objector has nothing to undo. */
  onProfilingObjection(listener: ObjectionListener): void {
    this.objectionListeners.push(listener);
  }

  /**
   * Creates a member, or returns the existing one when the same externalId (or, without one,
   * the same email) arrives again with the same content; other content is a 409. A key that
   * stayed on a merged member's pointer answers the survivor, where the record lives now.
   */
  async create(
    input: CreateMemberDto,
    manager?: EntityManager,
  ): Promise<{ member: Member; outcome: WriteOutcome }> {
    // Without a key, sending the same person again (a re-run import) would store a second one.
    if (!input.externalId && !input.email)
      throw invalidField(
        'externalId',
        'or email is required to recognise the member again',
        'required',
      );
    await this.tombstones.assertNotErased(personKeys(input), manager);
    const existing = await this.findByNaturalKey(input, manager);
    if (existing?.mergedIntoId) return this.answerMerged(existing, input, manager);
    if (existing) {
      if (this.sameContent(existing, input)) return { member: existing, outcome: 'unchanged' };
      const key = input.externalId ? 'externalId' : 'email';
      throw conflict(
        MembersErrorCode.MEMBER_EXISTS,
        `a member with this ${key} exists with other content`,
        key,
      );
    }
    await this.assertCampaignExists(input.acquisitionCampaignId, manager);
    await this.assertEmailFree(input.email, undefined, manager);
    for (let attempt = 0; ; attempt += 1) {
      const member = newMember(input, Date.now());
      try {
        // On an outer transaction (an import batch) this is a savepoint: a failed row undoes only itself.
        await this.members.transaction((savepoint) => this.insertNew(savepoint, [member]), manager);
        return { member, outcome: 'created' };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await this.findByNaturalKey(input, manager);
        if (raced) return this.create(input, manager);
        await this.assertEmailFree(input.email, undefined, manager);
        // Only the random referral code can still collide; draw again.
        if (attempt >= 5) throw error;
      }
    }
  }

  /**
   * The set-based import of a batch: the members its rows name by externalId or email, and the
   * campaigns, looked up at once; rows decided in memory by the rules of `create`.
   */
  async planBatch(
    manager: EntityManager,
    rows: CreateMemberDto[],
  ): Promise<BatchPlan<CreateMemberDto>> {
    const externalIds = rows.flatMap((row) => (row.externalId ? [row.externalId] : []));
    const emails = rows.flatMap((row) => (row.email ? [normalizeEmail(row.email)] : []));
    const campaignIds = rows.flatMap((row) =>
      row.acquisitionCampaignId ? [row.acquisitionCampaignId] : [],
    );
    const byExternalId = await this.members.findByExternalIds(externalIds, manager);
    const byEmail = await this.members.findByEmails(emails, manager);
    const campaigns = await this.members.existingCampaignIds(campaignIds, manager);
    const erased = await this.tombstones.erased(rows.flatMap(personKeys), manager);
    const erasedKeys = new Set(erased.map((key) => `${key.kind}:${key.value}`));
    return new MembersBatchPlan(
      { byExternalId, byEmail, campaigns, erasedKeys },
      { sameContent: (member, row) => this.sameContent(member, row), newMember },
      (transaction, members) => this.insertNew(transaction, members),
    );
  }

  async get(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', id);
    return member;
  }

  async update(id: string, input: UpdateMemberDto): Promise<Member> {
    const member = await this.get(id);
    await this.tombstones.assertNotErased(
      personKeys({ externalId: input.externalId ?? undefined, email: input.email ?? undefined }),
    );
    await this.assertCampaignExists(input.acquisitionCampaignId);
    await this.assertEmailFree(input.email, id);
    const changes: Partial<Member> = {};
    if (input.externalId !== undefined) changes.externalId = input.externalId;
    if (input.email !== undefined)
      Object.assign(changes, {
        email: input.email,
        emailNormalized: input.email === null ? null : normalizeEmail(input.email),
      });
    assertStillRecognisable(member, changes);
    if (input.name !== undefined) changes.name = input.name;
    if (input.acquiredAt !== undefined)
      Object.assign(changes, {
        acquiredAt: parseIsoInstant(input.acquiredAt),
        acquiredAtSource: 'given',
      });
    if (input.acquisitionChannel !== undefined)
      changes.acquisitionChannel = input.acquisitionChannel;
    if (input.acquisitionCampaignId !== undefined)
      changes.acquisitionCampaignId = input.acquisitionCampaignId;
    if (
      input.profilingObjection !== undefined &&
      input.profilingObjection !== (member.profilingObjectionAt !== null)
    ) {
      changes.profilingObjectionAt = input.profilingObjection ? Date.now() : null;
    }
    changes.updatedAt = Date.now();
    try {
      await this.members.transaction(async (manager) => {
        await this.members.update(id, changes, manager);
        if (input.tags !== undefined) {
          await this.members.deleteTagsOf(id, manager);
          await this.members.insertTags(id, uniqueTags(input.tags), manager);
        }
        if (changes.profilingObjectionAt)
          for (const listener of this.objectionListeners)
            await listener(manager, { ...member, ...changes });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const field = changes.emailNormalized ? 'email' : 'externalId';
        throw conflict(MembersErrorCode.MEMBER_EXISTS, `another member has this ${field}`, field);
      }
      throw error;
    }
    return this.get(id);
  }

  async list(query: ListMembersQuery): Promise<Page<Member>> {
    const page = await this.members.findPage(query);
    const tags = await this.members.findTagsOf(page.items.map((member) => member.id));
    for (const member of page.items) member.tags = tags.filter((tag) => tag.memberId === member.id);
    return page;
  }

  /** Inserts new members with their tags, then tells the listeners. */
  private async insertNew(manager: EntityManager, members: Member[]): Promise<void> {
    await this.uniqueReferralCodes(manager, members);
    await this.members.insertMany(members, manager);
    for (const listener of this.listeners) await listener(manager, members);
  }

  /**
   * A referral code is six random characters after up to four letters of the name: among 40,000
   * members with one prefix (HALO for nameless ones) two codes meet more often than not, and
   * the unique index refused the insert (a 409 for one request, a whole import batch written
   * again row by row). A code already stored, or given twice here, is drawn again.
   */
  private async uniqueReferralCodes(manager: EntityManager, members: Member[]): Promise<void> {
    for (let draw = 0; draw < 5; draw += 1) {
      const taken = await this.members.takenReferralCodes(
        members.map((member) => member.referralCode),
        manager,
      );
      const seen = new Set<string>();
      let redrawn = 0;
      for (const member of members) {
        if (taken.has(member.referralCode) || seen.has(member.referralCode)) {
          member.referralCode = generateReferralCode(member.name);
          redrawn += 1;
        }
        seen.add(member.referralCode);
      }
      if (!redrawn) return;
    }
  }

  private findByNaturalKey(
    input: MemberFieldsDto,
    manager: EntityManager | undefined,
  ): Promise<Member | null> {
    if (input.externalId) return this.members.findByExternalId(input.externalId, manager);
    if (input.email) return this.members.findByEmail(normalizeEmail(input.email), manager);
    return Promise.resolve(null);
  }

  /**
   * A key that stayed on a merged member's pointer: the same content again answers the
   * survivor, where the records live now (the pointer kept its fields; its tags moved).
   */
  private async answerMerged(
    pointer: Member,
    input: CreateMemberDto,
    manager: EntityManager | undefined,
  ): Promise<{ member: Member; outcome: WriteOutcome }> {
    const { id } = (await this.members.findSurvivorOf(pointer, manager))!;
    const survivor = (await this.members.findById(id, manager))!;
    const survivorTags = new Set(survivor.tags.map((tag) => tag.tag));
    const same =
      this.sameContent(pointer, { ...input, tags: undefined }) &&
      uniqueTags(input.tags).every((tag) => survivorTags.has(tag));
    if (same) return { member: survivor, outcome: 'unchanged' };
    const key = input.externalId ? 'externalId' : 'email';
    throw conflict(
      MembersErrorCode.MEMBER_EXISTS,
      `the member with this ${key} was merged into ${survivor.id}; send changes there`,
      key,
    );
  }

  private sameContent(member: Member, input: MemberFieldsDto): boolean {
    const given = (value: unknown, stored: unknown) => value === undefined || value === stored;
    const tags = (member.tags ?? []).map((tag) => tag.tag).sort();
    return (
      given(input.externalId, member.externalId) &&
      (input.email === undefined ||
        (input.email === null ? null : normalizeEmail(input.email)) === member.emailNormalized) &&
      given(input.name, member.name) &&
      (input.acquiredAt === undefined || parseIsoInstant(input.acquiredAt) === member.acquiredAt) &&
      given(input.acquisitionChannel, member.acquisitionChannel) &&
      given(input.acquisitionCampaignId, member.acquisitionCampaignId) &&
      (input.profilingObjection === undefined ||
        input.profilingObjection === (member.profilingObjectionAt !== null)) &&
      (input.tags === undefined || uniqueTags(input.tags).sort().join('\n') === tags.join('\n'))
    );
  }

  private async assertEmailFree(
    email: string | null | undefined,
    exceptId?: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (!email) return;
    const owner = await this.members.findByEmail(normalizeEmail(email), manager);
    if (owner && owner.id !== exceptId)
      throw conflict(MembersErrorCode.MEMBER_EXISTS, 'another member has this email', 'email');
  }

  private async assertCampaignExists(
    campaignId: string | undefined,
    manager?: EntityManager,
  ): Promise<void> {
    if (!campaignId) return;
    if (!(await this.members.campaignExists(campaignId, manager)))
      throw unknownReference(
        CampaignsErrorCode.UNKNOWN_CAMPAIGN,
        'acquisitionCampaignId',
        campaignId,
      );
  }
}

/** An update may not remove the last key a later import or re-POST would find the member by. */
function assertStillRecognisable(member: Member, changes: Partial<Member>): void {
  if (changes.email !== null && changes.externalId !== null) return;
  const externalId = changes.externalId === undefined ? member.externalId : changes.externalId;
  const email = changes.email === undefined ? member.email : changes.email;
  if (externalId || email) return;
  throw invalidField(
    changes.email === null ? 'email' : 'externalId',
    'cannot be removed: the member would have neither externalId nor email to be recognised by',
    'required',
  );
}

/** The keys an erased person's tombstone may hold, as a create or update names them. */
function personKeys(input: { externalId?: string | null; email?: string | null }): PersonKey[] {
  const keys: PersonKey[] = [];
  if (input.externalId) keys.push(externalIdKey(input.externalId));
  if (input.email) keys.push(emailKey(input.email));
  return keys;
}

/** The member a create describes, with a fresh id and referral code. */
function newMember(input: CreateMemberDto, now: number): Member {
  const member = Object.assign(new Member(), {
    id: newRecordId(),
    externalId: input.externalId ?? null,
    email: input.email ?? null,
    emailNormalized: input.email ? normalizeEmail(input.email) : null,
    name: input.name ?? null,
    referralCode: generateReferralCode(input.name),
    acquiredAt: input.acquiredAt ? parseIsoInstant(input.acquiredAt)! : null,
    acquiredAtSource: input.acquiredAt ? 'given' : null,
    acquisitionChannel: input.acquisitionChannel ?? null,
    acquisitionCampaignId: input.acquisitionCampaignId ?? null,
    profilingObjectionAt: input.profilingObjection ? now : null,
    mergedIntoId: null,
    createdAt: now,
    updatedAt: now,
  });
  member.tags = uniqueTags(input.tags).map((tag) =>
    Object.assign(new MemberTag(), { memberId: member.id, tag }),
  );
  return member;
}

function uniqueTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
}
