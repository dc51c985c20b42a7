import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import { NeedsRowPath, findAmong, keyBy } from '../database/batch/batch-plan';
import { MemberReference } from './member-reference';
import { Member } from './member.entity';
import { normalizeEmail } from './normalize';

/**
 * The members a batch of rows names by memberId, memberExternalId or memberEmail, looked up in
 * one query per kind of reference. It answers only what resolveMember would answer the same
 * way without another query: a merged pointer, an unknown member, a handle or a missing
 * reference sends the row to the row path.
 */
export class MemberDirectory {
  private constructor(
    private readonly byId: Map<string, Member>,
    private readonly byExternalId: Map<string, Member>,
    private readonly byEmail: Map<string, Member>,
  ) {}

  static async load(
    manager: EntityManager,
    references: MemberReference[],
  ): Promise<MemberDirectory> {
    const ids = references.flatMap((reference) => (reference.id ? [reference.id] : []));
    const externalIds = references.flatMap((reference) =>
      !reference.id && reference.externalId ? [reference.externalId] : [],
    );
    const emails = references.flatMap((reference) =>
      !reference.id && !reference.externalId && reference.email
        ? [normalizeEmail(reference.email)]
        : [],
    );
    const load = async (
      values: string[],
      where: (chunk: string[]) => FindOptionsWhere<Member>,
      key: (member: Member) => string | null,
    ) => keyBy(await findAmong(manager, Member, values, where), key);
    return new MemberDirectory(
      await load(
        ids,
        (chunk) => ({ id: In(chunk) }),
        (member) => member.id,
      ),
      await load(
        externalIds,
        (chunk) => ({ externalId: In(chunk) }),
        (member) => member.externalId,
      ),
      await load(
        emails,
        (chunk) => ({ emailNormalized: In(chunk) }),
        (member) => member.emailNormalized,
      ),
    );
  }

  /** The member the reference names; NeedsRowPath unless it is found and not merged. */
  find(reference: MemberReference): Member {
    let member: Member | undefined;
    if (reference.id) member = this.byId.get(reference.id);
    else if (reference.externalId) member = this.byExternalId.get(reference.externalId);
    else if (reference.email) member = this.byEmail.get(normalizeEmail(reference.email));
    if (!member || member.mergedIntoId) throw new NeedsRowPath('member not settled by the batch');
    return member;
  }
}
