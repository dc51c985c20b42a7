import { Foundation1732000000000 } from './1732000000000-foundation';

/** Every migration, in order. A schema change adds a file here; never edit a shipped one. */
export const MIGRATIONS = [Foundation1732000000000];
