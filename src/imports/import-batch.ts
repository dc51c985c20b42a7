import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainError, ErrorDetail } from '../common/errors/domain-error';
import { NeedsRowPath } from '../database/batch/batch-plan';
import { isConstraintViolation, isUniqueViolation } from '../database/sql';
import { RecordImporter, RowOutcome } from './record-importer';

/** A validated row waiting for its batch. */
export interface PendingRow {
  line: number;
  externalId?: string;
  row: object;
}

export type RowResult = { outcome: RowOutcome } | { details: ErrorDetail[] };

/**
 * Writes one batch in one transaction. With the importer's set-based plan, rows are decided
 * in memory and the new records written in a few statements; a row the plan cannot settle is
 * written alone in its own savepoint. Should the plan's statements break a constraint (a
 * concurrent writer got there first), the batch is undone and written again row by row. A
 * crash before the commit leaves none of the batch behind; the results count only once this
 * returns, i.e. once the batch is committed.
 */
export async function writeBatch(
  dataSource: DataSource,
  importer: RecordImporter,
  rows: PendingRow[],
  logger: Logger,
  options: BatchOptions = {},
): Promise<RowResult[]> {
  const finish = async (manager: EntityManager, results: RowResult[]) => {
    await options.afterWrite?.(manager, results);
    if (options.dryRun) throw new RolledBack(results);
    return results;
  };
  if (importer.plan) {
    try {
      return await dataSource.transaction(async (manager) =>
        finish(manager, await writePlanned(manager, importer, rows, logger)),
      );
    } catch (error) {
      if (error instanceof RolledBack) return error.results;
      if (!isConstraintViolation(error)) throw error;
      logger.warn(
        `import ${importer.type}: a batch met a concurrent write (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); writing it again row by row`,
      );
    }
  }
  try {
    return await dataSource.transaction(async (manager) => {
      const results: RowResult[] = [];
      for (const pending of rows) results.push(await writeRow(manager, importer, pending, logger));
      return finish(manager, results);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.results;
    throw error;
  }
}

export interface BatchOptions {
  /** Roll the batch back once written: the results say what it would have done. */
  dryRun?: boolean;
  /** Runs in the batch's transaction once its rows are written (the import's created records). */
  afterWrite?: (manager: EntityManager, results: RowResult[]) => Promise<void>;
}

/** Thrown to roll a dry run's batch back, carrying what it would have done. */
class RolledBack extends Error {
  constructor(readonly results: RowResult[]) {
    super('dry run: rolled back');
  }
}

async function writePlanned(
  manager: EntityManager,
  importer: RecordImporter,
  rows: PendingRow[],
  logger: Logger,
): Promise<RowResult[]> {
  const plan = await importer.plan!(
    manager,
    rows.map((pending) => pending.row),
  );
  const seen = new Set<string>();
  const results: RowResult[] = [];
  for (const pending of rows) {
    const keys = plan.keys(pending.row);
    const repeated = keys.some((key) => seen.has(key));
    for (const key of keys) seen.add(key);
    const outcome = repeated ? undefined : await decided(() => plan.decide(pending.row));
    if (outcome) {
      results.push({ outcome });
      continue;
    }
    // The row path sees the database as it is: what the plan queued goes first.
    await plan.flush(manager);
    results.push(await writeRow(manager, importer, pending, logger));
  }
  await plan.flush(manager);
  return results;
}

/** The plan's decision, or undefined when the row path must settle (or refuse) the row. */
async function decided(decide: () => Promise<RowOutcome>): Promise<RowOutcome | undefined> {
  try {
    return await decide();
  } catch (error) {
    if (error instanceof NeedsRowPath || error instanceof DomainError) return undefined;
    throw error;
  }
}

async function writeRow(
  manager: EntityManager,
  importer: RecordImporter,
  pending: PendingRow,
  logger: Logger,
): Promise<RowResult> {
  try {
    return {
      outcome: await manager.transaction((savepoint) => importer.write(savepoint, pending.row)),
    };
  } catch (error) {
    return { details: refusal(error, importer.type, pending.line, logger) };
  }
}

/**
 * Why a row was refused, in the vocabulary of single requests. A database error other than a
 * constraint says the connection or the schema is broken: it stops the batch (rolled back, so
 * the import can be run again) rather than refusing every row after it.
 */
function refusal(error: unknown, type: string, line: number, logger: Logger): ErrorDetail[] {
  if (error instanceof DomainError) {
    return error.details.length
      ? error.details
      : [{ field: '(row)', reason: error.message, code: error.code }];
  }
  if (isUniqueViolation(error))
    return [
      {
        field: '(row)',
        reason: 'a record with the same unique value already exists',
        code: 'conflict',
      },
    ];
  if (isConstraintViolation(error))
    return [{ field: '(row)', reason: 'breaks a rule of the database', code: 'constraint' }];
  if (error instanceof QueryFailedError) throw error;
  logger.error(
    `import ${type}: row at line ${line} failed: ${error instanceof Error ? error.message : String(error)}`,
    error instanceof Error ? error.stack : undefined,
  );
  return [
    { field: '(row)', reason: 'could not be stored (an unexpected error)', code: 'internal' },
  ];
}
