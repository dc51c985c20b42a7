import { EntityManager } from 'typeorm';
import { Member } from '../members/member.entity';
import { ValueSnapshot } from './value-snapshot.entity';

/**
 * A member who objects to profiling keeps no snapshot (value, prediction, engagement, tier,
 * segment): they go in the transaction that records the objection, a PATCH or a merge whose
 * survivor takes the other's objection. Recomputes then write none (snapshot-writer.ts), until
 * the objection is withdrawn.
 */
export async function purgeObjectorSnapshots(
  manager: EntityManager,
  member: Pick<Member, 'id' | 'profilingObjectionAt'>,
): Promise<void> {
  if (member.profilingObjectionAt === null) return;
  await manager.delete(ValueSnapshot, { memberId: member.id });
}
