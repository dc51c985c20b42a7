import { EntityManager } from 'typeorm';
import { DomainError, unknownReference } from '../common/errors/domain-error';
import { Identity } from './identity.entity';
import { Member } from './member.entity';
import { normalizeEmail, normalizeHandle, normalizePlatform } from './normalize';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { MembersErrorCode } from './members-error-code';

/** The ways a record may name a member: `memberId`, `memberExternalId`, `memberEmail`, or (`platform`, `handle`). */
export interface MemberReference {
  id?: string;
  externalId?: string;
  email?: string;
  platform?: string;
  handle?: string;
}

/**
 * Finds the member a record names. `prefix` is the field family (`member`, `referrer`,
 * `referee`) so that errors name the field the client sent. A merged member resolves to
 * the survivor.
 */
export async function resolveMember(
  manager: EntityManager,
  reference: MemberReference,
  prefix = 'member',
): Promise<Member | undefined> {
  const repository = manager.getRepository(Member);
  let member: Member | null = null;
  let field: string;
  let value: string;
  if (reference.id) {
    [field, value] = [`${prefix}Id`, reference.id];
    member = await repository.findOneBy({ id: reference.id });
  } else if (reference.externalId) {
    [field, value] = [`${prefix}ExternalId`, reference.externalId];
    member = await repository.findOneBy({ externalId: reference.externalId });
  } else if (reference.email) {
    [field, value] = [`${prefix}Email`, reference.email];
    member = await repository.findOneBy({ emailNormalized: normalizeEmail(reference.email) });
  } else if (reference.platform && reference.handle) {
    [field, value] = ['handle', `${reference.platform}:${reference.handle}`];
    const identity = await manager.getRepository(Identity).findOneBy({
      platform: normalizePlatform(reference.platform),
      handleNormalized: normalizeHandle(reference.handle),
    });
    member = identity ? await repository.findOneBy({ id: identity.memberId }) : null;
  } else {
    return undefined;
  }
  member = member && (await survivorOf(manager, member));
  if (!member) throw unknownReference(MembersErrorCode.UNKNOWN_MEMBER, field, value);
  return member;
}

/** Follows mergedIntoId from a merged member's pointer to the member that holds its records. */
export async function survivorOf(manager: EntityManager, member: Member): Promise<Member | null> {
  let current: Member | null = member;
  for (let hops = 0; current?.mergedIntoId && hops < 10; hops += 1)
    current = await manager.getRepository(Member).findOneBy({ id: current.mergedIntoId });
  return current;
}

/** Like resolveMember, but a reference is required. */
export async function requireMember(
  manager: EntityManager,
  reference: MemberReference,
  prefix = 'member',
): Promise<Member> {
  const member = await resolveMember(manager, reference, prefix);
  if (!member) {
    throw new DomainError(
      'invalid',
      CommonErrorCode.VALIDATION_FAILED,
      `name the ${prefix} by ${prefix}Id, ${prefix}ExternalId or ${prefix}Email`,
      [
        {
          field: `${prefix}Id`,
          reason: `one of ${prefix}Id, ${prefix}ExternalId, ${prefix}Email is required`,
          code: 'isDefined',
        },
      ],
    );
  }
  return member;
}
