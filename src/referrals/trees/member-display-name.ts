/**
 * How a tree names a member, in the order the dashboard's member links use: name, else email,
 * else the shop's id; null for someone with none of them (an erased person), never the row id.
 */
export function memberDisplayName(member: {
  name: string | null;
  email: string | null;
  externalId: string | null;
}): string | null {
  return member.name || member.email || member.externalId || null;
}
