import { Foundation1732000000000 } from './1732000000000-foundation';
import { IdempotencyRecords1732000005000 } from './1732000005000-idempotency-records';

/** Every migration, in order. A schema change adds a file here; never edit a shipped one. */
export const MIGRATIONS = [Foundation1732000000000, IdempotencyRecords1732000005000];
