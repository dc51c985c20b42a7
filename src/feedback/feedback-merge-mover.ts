import { EntityManager } from 'typeorm';
import { MoveCount, reassign } from '../members/member-merge-moves';
import { MergeMover } from '../members/merge-movers';
import { Feedback } from './feedback.entity';

/**
 * Feedback without an externalId is unique on (member, text, submittedAt): the other's copy
 * of an item the survivor already has is dropped, the rest moves.
 */
async function moveFeedback(
  manager: EntityManager,
  survivorId: string,
  otherId: string,
): Promise<MoveCount> {
  const removed = await manager
    .createQueryBuilder()
    .delete()
    .from(Feedback)
    .where('member_id = :otherId AND external_id IS NULL', { otherId })
    .andWhere(
      `EXISTS (SELECT 1 FROM feedback kept WHERE kept.member_id = :survivorId AND kept.external_id IS NULL
        AND kept.text_hash = feedback.text_hash AND kept.submitted_at = feedback.submitted_at)`,
      { survivorId },
    )
    .execute();
  const moved = await reassign(manager, Feedback, 'memberId', 'member_id', otherId, survivorId);
  return { moved, dropped: removed.affected ?? 0 };
}

/** The merge moves the other member's feedback, dropping the items the survivor has already. */
export const feedbackMergeMover: MergeMover = {
  name: 'feedback',
  move: async (manager, survivor, other) => {
    const feedback = await moveFeedback(manager, survivor.id, other.id);
    return { moved: { feedback: feedback.moved }, dropped: { feedback: feedback.dropped } };
  },
};
