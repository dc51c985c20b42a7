import { EntityManager } from 'typeorm';
import { isUniqueViolation } from './sql';

/**
 * Runs `insert` in a savepoint of the caller's transaction. When a unique index refuses the row
 * because a concurrent request stored the same natural key first, only the savepoint is rolled
 * back and 'raced' is answered, so that the caller reads the winner in the same transaction and
 * answers as if it had found it (on PostgreSQL the failed statement would otherwise abort the
 * whole transaction; under READ COMMITTED the winner is visible, as the violation is only raised
 * once it committed).
 */
export async function insertUnlessRaced(
  manager: EntityManager,
  insert: (savepoint: EntityManager) => Promise<unknown>,
): Promise<'inserted' | 'raced'> {
  try {
    await manager.transaction(insert);
    return 'inserted';
  } catch (error) {
    if (isUniqueViolation(error)) return 'raced';
    throw error;
  }
}
