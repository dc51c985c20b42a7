import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorDetail, notFound } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { PendingRow, RowResult, writeBatch } from './import-batch';
import { ImportFormat, readRows } from './import-format';
import { ImportCounts, ImportResult, ImportTally } from './import-result';
import { ImportRegistry } from './import-registry';
import { ByteCounter, limitBytes } from './readers/byte-limit';
import { CsvReadOptions } from './readers/csv-read-options';
import { decodeText } from './charset/decode-text';
import { ImportCharset } from './charset/import-charset';
import { ImportReport } from './runs/import-report';
import { RecordImporter } from './record-importer';
import { externalIdOf, validateRow } from './row-validator';
import { ImportsErrorCode } from './imports-error-code';

export interface ImportProgress extends ImportCounts {
  bytesRead: number;
  batches: number;
  /** Rows of committed batches, stored or refused: what a progress bar counts. */
  rowsSettled: number;
}

export interface ImportOptions {
  /** Refuse input beyond this many bytes with a 413 (the HTTP limit); unlimited when absent. */
  maxBytes?: number;
  /** A CSV's locale and column mapping (`?locale=`, `?columns=`, `--locale`). */
  csv?: CsvReadOptions;
  /** Called after each committed batch: progress bars, and tests that need to know. */
  onBatch?: (progress: ImportProgress) => void;
  /** The kept run (import_runs) this import reports its progress, errors and records to. */
  runId?: string;
  /** Every batch rolled back once written: the counts say what would have happened. */
  dryRun?: boolean;
  /** Aborted when the client goes away: no batch is written after that is noticed. */
  signal?: AbortSignal;
  /** The body's charset: UTF-8 (strict) by default. */
  charset?: ImportCharset;
}

/** Thrown when the import's signal aborts it (the client went away). */
export class ImportAborted extends Error {
  constructor() {
    super('the import was aborted: its client went away');
  }
}

/**
 * The bulk import of one record type from a byte stream (an HTTP body or a file): read rows
 * (JSON array, NDJSON or CSV), validate each like a single request, and write valid rows in
 * batches of `imports.batchSize`, one transaction per batch and one savepoint per row. A bad
 * row is reported with its line and never stops the others; a crash loses at most the open
 * batch, and the importers' natural keys make a second run finish the job without duplicates.
 */
@Injectable()
export class ImportPipeline {
  private readonly logger = new Logger(ImportPipeline.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ImportRegistry,
    private readonly settings: HaloSettings,
  ) {}

  types(): string[] {
    return this.registry.types();
  }

  importer(type: string): RecordImporter {
    const importer = this.registry.get(type);
    if (!importer) throw notFound(ImportsErrorCode.IMPORT_TYPE_NOT_FOUND, 'type', type);
    return importer;
  }

  async run(
    type: string,
    format: ImportFormat,
    source: AsyncIterable<Buffer | string>,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const importer = this.importer(type);
    const started = performance.now();
    const counter: ByteCounter = { bytes: 0 };
    const tally = new ImportTally();
    const batchSize = this.settings.imports.batchSize;
    const report = options.runId
      ? new ImportReport(this.dataSource, options.runId, importer.type)
      : undefined;
    const { signal, dryRun } = options;
    const checkAborted = () => {
      if (signal?.aborted) throw new ImportAborted();
    };
    const refuse = (
      line: number,
      externalId: string | undefined,
      details: ErrorDetail[],
      row: unknown,
    ) => {
      tally.refused(line, externalId, details);
      report?.refused(line, details, row);
    };
    let batch: PendingRow[] = [];
    let batches = 0;
    const flush = async () => {
      if (!batch.length) return;
      checkAborted();
      const pending = batch;
      const afterWrite =
        report && importer.createdIds && !dryRun
          ? async (manager: EntityManager, results: RowResult[]) => {
              const created = pending.filter((_, index) => {
                const result = results[index];
                return 'outcome' in result && result.outcome === 'created';
              });
              if (created.length)
                await report.created(
                  manager,
                  await importer.createdIds!(
                    manager,
                    created.map((row) => row.row),
                  ),
                );
            }
          : undefined;
      const results = await writeBatch(this.dataSource, importer, pending, this.logger, {
        dryRun,
        afterWrite,
      });
      results.forEach((result, index) => {
        if ('outcome' in result) tally.stored(result.outcome);
        else
          refuse(
            pending[index].line,
            pending[index].externalId,
            result.details,
            pending[index].row,
          );
      });
      batch = [];
      batches += 1;
      await report?.committed(tally.counts);
      options.onBatch?.({
        ...tally.counts,
        bytesRead: counter.bytes,
        batches,
        rowsSettled: tally.counts.rows,
      });
      // On SQLite every query is synchronous: let requests waiting on the event loop in.
      await setImmediate();
    };
    const text = decodeText(limitBytes(source, counter, options.maxBytes), options.charset);
    const csv = { timeZone: this.settings.brand.timezone, ...options.csv };
    for await (const { line, value, problem } of readRows(format, text, importer.dto, csv)) {
      checkAborted();
      if (problem) {
        refuse(line, undefined, [problem], undefined);
        continue;
      }
      const checked = await validateRow(importer.dto, value);
      if ('details' in checked) refuse(line, externalIdOf(value), checked.details, value);
      else batch.push({ line, externalId: externalIdOf(value), row: checked.instance });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await report?.committed(tally.counts);
    const result = tally.result(type, format, Math.round(performance.now() - started));
    this.logger.log(
      `imported ${type} (${format}): ${result.rows} rows, ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.refused} refused in ${result.durationMs} ms`,
    );
    return result;
  }
}
