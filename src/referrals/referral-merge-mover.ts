import { EntityManager } from 'typeorm';
import { DomainError, conflict } from '../common/errors/domain-error';
import { MoveCount, reassign } from '../members/member-merge-moves';
import { Member } from '../members/member.entity';
import { MergeMover } from '../members/merge-movers';
import { Referral, ReferralStatus } from './referral.entity';
import { ReferralsErrorCode } from './referrals-error-code';

const FIELD = 'otherMemberId';
const PROGRESS: Record<ReferralStatus, number> = {
  converted: 4,
  signed_up: 3,
  invited: 2,
  voided: 1,
  rejected: 0,
};

/**
 * Refuses a merge that would break a referral rule, before anything moves: a referral between
 * the two (a self-referral afterwards), or two different referrers (a person has one). When
 * one referrer referred both, returns the referral to drop: the less advanced one, the
 * other member's on a tie.
 */
export async function checkReferrals(
  manager: EntityManager,
  survivor: Member,
  other: Member,
): Promise<Referral | null> {
  const repository = manager.getRepository(Referral);
  const between = await repository.findOne({
    where: [
      { referrerId: survivor.id, refereeMemberId: other.id },
      { referrerId: other.id, refereeMemberId: survivor.id },
    ],
  });
  if (between)
    throw rule(
      ReferralsErrorCode.MERGE_SELF_REFERRAL,
      `one of the two referred the other (referral ${between.id}): merged, the member would have referred themself`,
    );
  const ofSurvivor = await repository.findOneBy({ refereeMemberId: survivor.id });
  const ofOther = await repository.findOneBy({ refereeMemberId: other.id });
  if (!ofSurvivor || !ofOther) return null;
  if (ofSurvivor.referrerId !== ofOther.referrerId)
    throw conflict(
      ReferralsErrorCode.MERGE_TWO_REFERRERS,
      `both members have a referrer (referrals ${ofSurvivor.id} and ${ofOther.id}): a person has at most one`,
      FIELD,
    );
  return PROGRESS[ofOther.status] > PROGRESS[ofSurvivor.status] ? ofSurvivor : ofOther;
}

/** Moves referrals made and received; `duplicate` (from checkReferrals) is deleted first. */
export async function moveReferrals(
  manager: EntityManager,
  survivorId: string,
  otherId: string,
  duplicate: Referral | null,
): Promise<{ made: number; received: MoveCount }> {
  if (duplicate) await manager.delete(Referral, { id: duplicate.id });
  const made = await reassign(manager, Referral, 'referrerId', 'referrer_id', otherId, survivorId);
  const received = await reassign(
    manager,
    Referral,
    'refereeMemberId',
    'referee_member_id',
    otherId,
    survivorId,
  );
  return { made, received: { moved: received, dropped: duplicate ? 1 : 0 } };
}

/**
 * Checked on the merged referral graph, inside the merge's transaction: a refusal undoes
 * every move made before it. Only the survivor's edges changed, so only a cycle through the
 * survivor can be new.
 */
export async function assertNoCycle(manager: EntityManager, survivorId: string): Promise<void> {
  const repository = manager.getRepository(Referral);
  const seen = new Set<string>([survivorId]);
  let current = survivorId;
  for (;;) {
    const upward = await repository.findOne({
      where: { refereeMemberId: current },
      select: { id: true, referrerId: true },
    });
    if (!upward) return;
    if (upward.referrerId === survivorId)
      throw rule(
        ReferralsErrorCode.MERGE_REFERRAL_CYCLE,
        'merged, the member would be referred (directly or through others) by someone they referred',
      );
    if (seen.has(upward.referrerId)) return;
    seen.add(upward.referrerId);
    current = upward.referrerId;
  }
}

function rule(code: ReferralsErrorCode, reason: string): DomainError {
  return new DomainError('unprocessable', code, `${FIELD} ${reason}`, [
    { field: FIELD, reason, code },
  ]);
}

/**
 * The merge's referrals: refused when it would break a referral rule (before anything of
 * theirs moves, and on the merged graph after), else moved with a duplicate dropped.
 */
export const referralMergeMover: MergeMover = {
  name: 'referrals',
  move: async (manager, survivor, other) => {
    const duplicate = await checkReferrals(manager, survivor, other);
    const referrals = await moveReferrals(manager, survivor.id, other.id, duplicate);
    await assertNoCycle(manager, survivor.id);
    return {
      moved: { referralsMade: referrals.made, referralsReceived: referrals.received.moved },
      dropped: { referralsReceived: referrals.received.dropped },
    };
  },
};
