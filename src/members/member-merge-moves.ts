import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { MemberTag } from './member-tag.entity';
import { MergeCounts, MergeMover } from './merge-movers';

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

/** A mover for records that only point at a member: every row moves, none is a duplicate. */
export function reassigningMover<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  property: keyof T & string,
  column: string,
  counted: keyof MergeCounts['moved'],
): MergeMover {
  return {
    name: counted,
    move: async (manager, survivor, other) => ({
      moved: {
        [counted]: await reassign(manager, entity, property, column, other.id, survivor.id),
      },
    }),
  };
}
