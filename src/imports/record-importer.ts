import { EntityManager } from 'typeorm';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/**
 * How one record type is imported in bulk. Each feature module registers one with the
 * ImportRegistry in onModuleInit; the import pipeline parses and validates a row against
 * `dto` (the same DTO as the single POST), then calls `write` inside a savepoint of the
 * batch transaction, so a refused row undoes only itself.
 */
export interface RecordImporter<Dto extends object = object> {
  /** The path segment: POST /api/v1/import/{type}. */
  type: string;
  dto: new () => Dto;
  write(manager: EntityManager, row: Dto): Promise<RowOutcome>;
}
