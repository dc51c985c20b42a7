import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { PendingRow, writeBatch } from './import-batch';
import { ImportFormat, readRows } from './import-format';
import { ImportCounts, ImportResult, ImportTally } from './import-result';
import { ImportRegistry } from './import-registry';
import { ByteCounter, limitBytes } from './readers/byte-limit';
import { CsvReadOptions } from './readers/csv-read-options';
import { utf8Text } from './readers/utf8-text';
import { RecordImporter } from './record-importer';
import { externalIdOf, validateRow } from './row-validator';
import { ImportsErrorCode } from './imports-error-code';

export interface ImportProgress extends ImportCounts {
  bytesRead: number;
  batches: number;
}

export interface ImportOptions {
  /** Refuse input beyond this many bytes with a 413 (the HTTP limit); unlimited when absent. */
  maxBytes?: number;
  /** A CSV's locale and column mapping (`?locale=`, `?columns=`, `--locale`). */
  csv?: CsvReadOptions;
  /** Called after each committed batch: progress bars, and tests that need to know. */
  onBatch?: (progress: ImportProgress) => void;
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
    let batch: PendingRow[] = [];
    let batches = 0;
    const flush = async () => {
      if (!batch.length) return;
      const results = await writeBatch(this.dataSource, importer, batch, this.logger);
      results.forEach((result, index) => {
        if ('outcome' in result) tally.stored(result.outcome);
        else tally.refused(batch[index].line, batch[index].externalId, result.details);
      });
      batch = [];
      batches += 1;
      options.onBatch?.({ ...tally.counts, bytesRead: counter.bytes, batches });
      // On SQLite every query is synchronous: let requests waiting on the event loop in.
      await setImmediate();
    };
    const text = utf8Text(limitBytes(source, counter, options.maxBytes));
    const csv = { timeZone: this.settings.brand.timezone, ...options.csv };
    for await (const { line, value, problem } of readRows(format, text, importer.dto, csv)) {
      if (problem) {
        tally.refused(line, undefined, [problem]);
        continue;
      }
      const checked = await validateRow(importer.dto, value);
      if ('details' in checked) tally.refused(line, externalIdOf(value), checked.details);
      else batch.push({ line, externalId: externalIdOf(value), row: checked.instance });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    const result = tally.result(type, format, Math.round(performance.now() - started));
    this.logger.log(
      `imported ${type} (${format}): ${result.rows} rows, ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.refused} refused in ${result.durationMs} ms`,
    );
    return result;
  }
}
