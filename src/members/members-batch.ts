import { EntityManager } from 'typeorm';
import { BatchPlan, NeedsRowPath } from '../database/batch/batch-plan';
import { CreateMemberDto } from './dto/create-member.dto';
import { Member } from './member.entity';
import { normalizeEmail } from './normalize';

/** What a batch's rows name, looked up at once. */
export interface KnownMembers {
  byExternalId: Map<string, Member>;
  byEmail: Map<string, Member>;
  campaigns: Set<string>;
  /** `kind:value` of the rows' keys that belong to an erased person. */
  erasedKeys: Set<string>;
}

export interface MemberRules {
  sameContent(member: Member, row: CreateMemberDto): boolean;
  newMember(row: CreateMemberDto, now: number): Member;
}

/**
 * A batch of member rows (MembersService.planBatch): new members are queued, the same content
 * again is unchanged; a merged pointer, other content, a taken email or an unknown campaign goes
 * to the row path, which answers exactly as a single request does.
 */
export class MembersBatchPlan implements BatchPlan<CreateMemberDto> {
  private queued: Member[] = [];

  constructor(
    private readonly known: KnownMembers,
    private readonly rules: MemberRules,
    private readonly insert: (manager: EntityManager, members: Member[]) => Promise<void>,
  ) {}

  keys(row: CreateMemberDto): string[] {
    const keys: string[] = [];
    if (row.externalId) keys.push(`externalId:${row.externalId}`);
    if (row.email) keys.push(`email:${normalizeEmail(row.email)}`);
    return keys;
  }

  decide(row: CreateMemberDto): Promise<'created' | 'unchanged'> {
    const email = row.email ? normalizeEmail(row.email) : undefined;
    if (!row.externalId && !email) throw new NeedsRowPath('no key');
    // The row path refuses it with ERASED_PERSON, as a single request is.
    if (
      (row.externalId && this.known.erasedKeys.has(`externalId:${row.externalId}`)) ||
      (email && this.known.erasedKeys.has(`email:${email}`))
    )
      throw new NeedsRowPath('erased person');
    const existing = row.externalId
      ? this.known.byExternalId.get(row.externalId)
      : this.known.byEmail.get(email!);
    if (existing) {
      if (!existing.mergedIntoId && this.rules.sameContent(existing, row))
        return Promise.resolve('unchanged');
      throw new NeedsRowPath('merged or other content');
    }
    if (row.acquisitionCampaignId && !this.known.campaigns.has(row.acquisitionCampaignId))
      throw new NeedsRowPath('unknown campaign');
    if (email && this.known.byEmail.has(email)) throw new NeedsRowPath('email taken');
    this.queued.push(this.rules.newMember(row, Date.now()));
    return Promise.resolve('created');
  }

  async flush(manager: EntityManager): Promise<void> {
    if (!this.queued.length) return;
    const members = this.queued;
    this.queued = [];
    await this.insert(manager, members);
  }
}
