import { SetMetadata } from '@nestjs/common';
import { Role } from './api-key.entity';

export const REQUIRED_ROLE = 'halo:requiredRole';
export const IS_PUBLIC = 'halo:public';

/** The least role that may call this handler; without it, reads need viewer and writes manager. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** No key needed (health, the sign-in page). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
