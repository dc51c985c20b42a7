import { Role } from './api-key.entity';

const RANK: Record<Role, number> = { viewer: 1, manager: 2, admin: 3 };

/** viewer ⊂ manager ⊂ admin. */
export function roleAllows(held: Role, required: Role): boolean {
  return RANK[held] >= RANK[required];
}
