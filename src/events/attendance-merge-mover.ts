import { EntityManager } from 'typeorm';
import { MoveCount } from '../members/member-merge-moves';
import { MergeMover } from '../members/merge-movers';
import { Attendance } from './attendance.entity';
import { EventGuest } from './event-guest.entity';

/**
 * Attendance is unique per (event, member): where both attended one event the survivor's row
 * stays and takes over the other row's guests (minus those it already lists, and the survivor
 * themself); otherwise the other's row moves.
 */
async function moveAttendance(
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
async function moveGuestMember(
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

/** The merge moves the other member's attendance and the guest lists that name them. */
export const attendanceMergeMover: MergeMover = {
  name: 'attendance',
  move: async (manager, survivor, other, now) => {
    const { attendance, guests } = await moveAttendance(manager, survivor.id, other.id, now);
    const guestOf = await moveGuestMember(manager, survivor.id, other.id);
    return {
      moved: { attendance: attendance.moved, eventGuests: guests.moved + guestOf.moved },
      dropped: { attendance: attendance.dropped, eventGuests: guests.dropped + guestOf.dropped },
    };
  },
};
