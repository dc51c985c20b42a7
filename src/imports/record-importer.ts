import { EntityManager } from 'typeorm';
import { BatchPlan } from '../database/batch/batch-plan';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** A column of another table that points at records of a type: such a record is referenced. */
export interface Reference {
  table: string;
  column: string;
}

/**
 * What an undo needs to know of a record type: its table, what may reference its records
 * (then they are kept), and the derived rows deleted along with one (snapshots).
 */
export interface UndoRules {
  table: string;
  references: Reference[];
  /** A record with this column set is kept too (a merged member's pointer). */
  keptWhenSet?: string[];
  /** Rows computed from the record, deleted with it: `table.column` = the record's id. */
  derived?: Reference[];
}

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
  /**
   * The ids of the records these rows created (each answered `created`), looked up by their
   * natural keys in the batch's transaction; kept with the import so that it can be undone.
   */
  createdIds?(manager: EntityManager, rows: Dto[]): Promise<string[]>;
  undo?: UndoRules;
}
