import { EntityManager, In, IsNull } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { requireMember } from '../members/member-reference';
import { Member } from '../members/member.entity';
import { normalizeEmail } from '../members/normalize';
import { Attendance } from './attendance.entity';
import { CreateAttendanceDto } from './dto/create-attendance.dto';
import { EventGuest } from './event-guest.entity';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { findAmong } from '../database/batch/batch-plan';

/** Who an attendance is for: a member, or the email of someone not yet a member. */
export type Attendee = Pick<Attendance, 'memberId' | 'email' | 'emailNormalized'>;

/** A merged member stands for its survivor. */
export async function followMerges(manager: EntityManager, member: Member): Promise<Member> {
  let current = member;
  for (let hops = 0; current.mergedIntoId && hops < 10; hops += 1) {
    const next = await manager.getRepository(Member).findOneBy({ id: current.mergedIntoId });
    if (!next) break;
    current = next;
  }
  return current;
}

export async function resolveAttendee(
  manager: EntityManager,
  input: CreateAttendanceDto,
): Promise<Attendee> {
  const namesMember = Boolean(
    input.memberId || input.memberExternalId || input.memberEmail || input.platform || input.handle,
  );
  if (namesMember && input.email) {
    throw new DomainError(
      'invalid',
      CommonErrorCode.VALIDATION_FAILED,
      'give a member or an email, not both',
      [{ field: 'email', reason: 'is only for someone not named as a member', code: 'exclusive' }],
    );
  }
  if (namesMember) {
    const member = await requireMember(manager, {
      id: input.memberId,
      externalId: input.memberExternalId,
      email: input.memberEmail,
      platform: input.platform,
      handle: input.handle,
    });
    return { memberId: member.id, email: null, emailNormalized: null };
  }
  if (!input.email) {
    throw new DomainError(
      'invalid',
      CommonErrorCode.VALIDATION_FAILED,
      'name the member by memberId, memberExternalId, memberEmail or platform and handle, or give an email',
      [
        {
          field: 'memberId',
          reason:
            'one of memberId, memberExternalId, memberEmail, platform and handle, or email is required',
          code: 'isDefined',
        },
      ],
    );
  }
  const emailNormalized = normalizeEmail(input.email);
  const owner = await manager.getRepository(Member).findOneBy({ emailNormalized });
  if (owner)
    return {
      memberId: (await followMerges(manager, owner)).id,
      email: null,
      emailNormalized: null,
    };
  return { memberId: null, email: input.email.trim(), emailNormalized };
}

/**
 * Links attendance and guests recorded by email to the members just created with that email
 * (for a batch, one query finds the emails that have anything waiting).
 */
export async function linkWaitingRecords(manager: EntityManager, members: Member[]): Promise<void> {
  const withEmail = members.filter((member) => member.emailNormalized);
  const waiting = await emailsWithWaitingRecords(
    manager,
    withEmail.map((member) => member.emailNormalized!),
  );
  for (const member of withEmail) {
    if (!waiting.has(member.emailNormalized!)) continue;
    await manager.update(
      Attendance,
      { emailNormalized: member.emailNormalized, memberId: IsNull() },
      { memberId: member.id, updatedAt: Date.now() },
    );
    await manager.update(
      EventGuest,
      { guestEmailNormalized: member.emailNormalized, guestMemberId: IsNull() },
      { guestMemberId: member.id },
    );
  }
}

async function emailsWithWaitingRecords(
  manager: EntityManager,
  emails: string[],
): Promise<Set<string>> {
  const attendance = await findAmong(
    manager,
    Attendance,
    emails,
    (chunk) => ({ emailNormalized: In(chunk), memberId: IsNull() }),
    { select: { emailNormalized: true } },
  );
  const guests = await findAmong(
    manager,
    EventGuest,
    emails,
    (chunk) => ({ guestEmailNormalized: In(chunk), guestMemberId: IsNull() }),
    { select: { guestEmailNormalized: true } },
  );
  const waiting = new Set(attendance.map((row) => row.emailNormalized!));
  for (const guest of guests) waiting.add(guest.guestEmailNormalized!);
  return waiting;
}
