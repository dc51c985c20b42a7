import { EntityManager } from 'typeorm';
import { DomainError, unknownReference } from '../common/errors/domain-error';
import { requireMember, resolveMember } from '../members/member-reference';
import { Member } from '../members/member.entity';
import { normalizeEmail } from '../members/normalize';
import { Referee } from './referral-checks';
import { rule } from './referral-changes';
import { CreateReferralDto } from './dto/create-referral.dto';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { MembersErrorCode } from '../members/members-error-code';

/** The referrer, named by referrerId / referrerExternalId / referrerEmail, or by the code alone. */
export async function resolveReferrer(
  manager: EntityManager,
  input: CreateReferralDto,
): Promise<Member> {
  const code = input.code?.trim().toUpperCase();
  const named = input.referrerId || input.referrerExternalId || input.referrerEmail;
  const codeOwner = code ? await memberByCode(manager, code) : null;
  if (!named && codeOwner) return codeOwner;
  if (!named && code) throw unknownReference(MembersErrorCode.UNKNOWN_MEMBER, 'code', code);
  const referrer = await requireMember(
    manager,
    { id: input.referrerId, externalId: input.referrerExternalId, email: input.referrerEmail },
    'referrer',
  );
  if (codeOwner && codeOwner.id !== referrer.id)
    throw rule('code', 'is the referral code of another member', 'otherMembersCode');
  return referrer;
}

/** The referee: a member by refereeId / refereeExternalId / refereeEmail, or an email alone. */
export async function resolveReferee(
  manager: EntityManager,
  input: CreateReferralDto,
): Promise<Referee> {
  if (input.refereeId || input.refereeExternalId) {
    const field = input.refereeId ? 'refereeId' : 'refereeExternalId';
    const member = (await resolveMember(
      manager,
      { id: input.refereeId, externalId: input.refereeExternalId },
      'referee',
    ))!;
    if (input.refereeEmail && normalizeEmail(input.refereeEmail) !== member.emailNormalized)
      throw rule('refereeEmail', `is not the email of the member named by ${field}`, 'mismatch');
    return { member, email: member.email, emailNormalized: member.emailNormalized, field };
  }
  if (input.refereeEmail) {
    const emailNormalized = normalizeEmail(input.refereeEmail);
    const found = await manager.getRepository(Member).findOneBy({ emailNormalized });
    const member = found ? await resolveMember(manager, { id: found.id }, 'referee') : null;
    return {
      member: member ?? null,
      email: member?.email ?? input.refereeEmail.trim(),
      emailNormalized: member?.emailNormalized ?? emailNormalized,
      field: 'refereeEmail',
    };
  }
  throw new DomainError(
    'invalid',
    CommonErrorCode.VALIDATION_FAILED,
    'name the referee by refereeId, refereeExternalId or refereeEmail',
    [
      {
        field: 'refereeId',
        reason: 'one of refereeId, refereeExternalId, refereeEmail is required',
        code: 'isDefined',
      },
    ],
  );
}

async function memberByCode(manager: EntityManager, code: string): Promise<Member | null> {
  const owner = await manager.getRepository(Member).findOneBy({ referralCode: code });
  return owner ? ((await resolveMember(manager, { id: owner.id })) ?? null) : null;
}
