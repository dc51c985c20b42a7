import { EntityManager } from 'typeorm';
import { BatchPlan } from '../database/batch/batch-plan';

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
  /**
   * The set-based path: looks up what a batch needs in a few queries and writes its new records
   * in multi-row statements; rows it cannot settle still go through `write`. Without it, every
   * row goes through `write`.
   */
  plan?(manager: EntityManager, rows: Dto[]): Promise<BatchPlan<Dto>>;
}
