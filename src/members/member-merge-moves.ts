import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Attendance } from '../events/attendance.entity';
import { EventGuest } from '../events/event-guest.entity';
import { Feedback } from '../feedback/feedback.entity';
import { MemberTag } from './member-tag.entity';

/** Records moved onto the survivor, and duplicates dropped because the survivor had one already. */
export interface MoveCount {
  moved: number;
  dropped: number;
}

/** Points every row whose `column` names `from` at `to`; returns how many rows changed. */
export async function reassign<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  property: keyof T & string,
  column: string,
  from: string,
  to: string,
): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ [property]: to } as never)
    .where(`${column} = :from`, { from })
    .execute();
  return result.affected ?? 0;
}

/** The survivor gets the union of both members' tags. */
export async function moveTags(
  manager: EntityManager,
  survivorId: string,
  otherId: string,
): Promise<MoveCount> {
  const theirs = await manager.findBy(MemberTag, { memberId: otherId });
  const ours = new Set(
    (await manager.findBy(MemberTag, { memberId: survivorId })).map((row) => row.tag),
  );
  const added = theirs.filter((row) => !ours.has(row.tag));
  await manager.delete(MemberTag, { memberId: otherId });
  if (added.length)
    await manager.insert(
      MemberTag,
      added.map((row) => ({ memberId: survivorId, tag: row.tag })),
    );
  return { moved: added.length, dropped: theirs.length - added.length };
}

/**
 * Feedback without an externalId is unique on (member, text, submittedAt): the other's copy
 * of an item the survivor already has is dropped, the rest moves.
 */
export async function moveFeedback(
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

/**
 * Attendance is unique per (event, member): where both attended one event the survivor's row
 * stays and takes over the other row's guests (minus those it already lists, and the survivor
 * themself); otherwise the other's row moves.
 */
export async function moveAttendance(
  manager: EntityManager,
  survivorId: string,
  otherId: string,
  now: number,
): Promise<{ attendance: MoveCount; guests: MoveCount }> {
  const attendance = { moved: 0, dropped: 0 };
  const guests = { moved: 0, dropped: 0 };
  for (const row of await manager.findBy(Attendance, { memberId: otherId })) {
    const kept = await manager.findOneBy(Attendance, {
      eventId: row.eventId,
      memberId: survivorId,
    });
    if (!kept) {
      await manager.update(Attendance, { id: row.id }, { memberId: survivorId, updatedAt: now });
      attendance.moved += 1;
      continue;
    }
    const present = await manager.findBy(EventGuest, { attendanceId: kept.id });
    for (const guest of await manager.findBy(EventGuest, { attendanceId: row.id })) {
      const duplicate =
        guest.guestMemberId === survivorId ||
        present.some(
          (listed) =>
            (guest.guestMemberId !== null && listed.guestMemberId === guest.guestMemberId) ||
            (guest.guestEmailNormalized !== null &&
              listed.guestEmailNormalized === guest.guestEmailNormalized),
        );
      if (duplicate) {
        await manager.delete(EventGuest, { id: guest.id });
        guests.dropped += 1;
      } else {
        await manager.update(EventGuest, { id: guest.id }, { attendanceId: kept.id });
        present.push(guest);
        guests.moved += 1;
      }
    }
    await manager.delete(Attendance, { id: row.id });
    attendance.dropped += 1;
  }
  return { attendance, guests };
}

/**
 * Where the other member was someone's guest, the survivor is now; dropped where that
 * attendee is the survivor (nobody is their own guest) or already lists the survivor.
 */
export async function moveGuestMember(
  manager: EntityManager,
  survivorId: string,
  otherId: string,
): Promise<MoveCount> {
  const count = { moved: 0, dropped: 0 };
  for (const guest of await manager.findBy(EventGuest, { guestMemberId: otherId })) {
    const attendance = await manager.findOneBy(Attendance, { id: guest.attendanceId });
    const clash =
      attendance?.memberId === survivorId ||
      (await manager.existsBy(EventGuest, {
        attendanceId: guest.attendanceId,
        guestMemberId: survivorId,
      }));
    if (clash) {
      await manager.delete(EventGuest, { id: guest.id });
      count.dropped += 1;
    } else {
      await manager.update(EventGuest, { id: guest.id }, { guestMemberId: survivorId });
      count.moved += 1;
    }
  }
  return count;
}
