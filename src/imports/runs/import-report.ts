import { DataSource, EntityManager } from 'typeorm';
import { ErrorDetail } from '../../common/errors/domain-error';
import { insertMany } from '../../database/batch/batch-plan';
import { ImportCounts } from '../import-result';
import { ImportRunError } from './import-run-error.entity';
import { ImportRunRecord } from './import-run-record.entity';
import { ImportRun } from './import-run.entity';
import { scrubbedReason } from './scrubbed-reason';

/**
 * What an import keeps of itself as it runs (DESIGN.md, Limits): the records each batch
 * created, written in that batch's transaction; after each commit, the refused rows found
 * since and the counts, so that `GET /imports/:id` shows progress (`rowsStored`).
 */
export class ImportReport {
  private pending: ImportRunError[] = [];
  private seq = 0;

  constructor(
    private readonly dataSource: DataSource,
    readonly runId: string,
    private readonly recordType: string,
  ) {}

  /** A refused row: field, code and a reason with none of the row's values in it. */
  refused(line: number, details: ErrorDetail[], row: unknown): void {
    for (const detail of details) {
      this.seq += 1;
      this.pending.push({
        importId: this.runId,
        seq: this.seq,
        line,
        field: storable(detail.field).slice(0, 200),
        code: storable(detail.code).slice(0, 60),
        reason: storable(scrubbedReason(detail.reason, row)),
      });
    }
  }

  /** In the batch's transaction: the records its rows created, in multi-row statements. */
  async created(manager: EntityManager, ids: string[]): Promise<void> {
    const rows = ids.map((recordId) =>
      Object.assign(new ImportRunRecord(), {
        importId: this.runId,
        recordType: this.recordType,
        recordId,
      }),
    );
    await insertMany(manager, ImportRunRecord, rows);
  }

  /** After a batch's commit (and at the end): the refused rows found since, and the counts. */
  async committed(counts: ImportCounts): Promise<void> {
    const errors = this.pending;
    this.pending = [];
    await this.dataSource.transaction(async (manager) => {
      await insertMany(manager, ImportRunError, errors);
      await manager.getRepository(ImportRun).update(
        { id: this.runId },
        {
          ...counts,
          rowsStored: counts.created + counts.updated + counts.unchanged,
        },
      );
    });
  }
}

/**
 * Text PostgreSQL can store: a refused row may name a field with a NUL in it (an unknown key
 * `k\u0000`), shown as ␀; a lone surrogate becomes U+FFFD.
 */
export function storable(text: string): string {
  return text
    .replaceAll('\u0000', '\u2400')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
