import { Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainError, ErrorDetail } from '../common/errors/domain-error';
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
 * Writes one batch in one transaction, each row in its own savepoint: a refused row undoes only
 * itself, and a crash before the commit leaves none of the batch behind. The results count
 * only once this returns, i.e. once the batch is committed.
 */
export async function writeBatch(
  dataSource: DataSource,
  importer: RecordImporter,
  rows: PendingRow[],
  logger: Logger,
): Promise<RowResult[]> {
  return dataSource.transaction(async (manager) => {
    const results: RowResult[] = [];
    for (const pending of rows) {
      try {
        const outcome = await manager.transaction((savepoint) =>
          importer.write(savepoint, pending.row),
        );
        results.push({ outcome });
      } catch (error) {
        results.push({ details: refusal(error, importer.type, pending.line, logger) });
      }
    }
    return results;
  });
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
