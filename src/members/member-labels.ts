import { EntityManager, In } from 'typeorm';
import { Member } from './member.entity';

/** How other records name a member: name, else email, else externalId, else id. */
export async function memberLabels(
  manager: EntityManager,
  memberIds: string[],
): Promise<Map<string, string>> {
  if (!memberIds.length) return new Map();
  const members = await manager.findBy(Member, { id: In([...new Set(memberIds)]) });
  return new Map(
    members.map((member) => [
      member.id,
      member.name ?? member.email ?? member.externalId ?? member.id,
    ]),
  );
}
