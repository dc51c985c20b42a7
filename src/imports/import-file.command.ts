import { CommonErrorCode } from '../common/errors/common-error-code';
import { INestApplicationContext } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { IMPORT_FORMATS, ImportFormat, formatFromFileName, isImportFormat } from './import-format';
import { ImportLeases } from './import-leases';
import { ImportPipeline } from './import-pipeline.service';
import { ProgressBar } from './cli/progress-bar';
import { csvReadOptions } from './csv-request-options';
import { CsvReadOptions } from './readers/csv-read-options';
import { importSummary } from './cli/import-summary';
import { countRows } from './cli/count-rows';
import { IMPORT_CHARSETS, charsetFromLabel } from './charset/import-charset';
import { ImportRunsRepository } from './runs/import-runs.repository';
import { randomUUID } from 'node:crypto';

/** Exit codes (sysexits): every row stored 0; some rows refused 2; usage 64; bad file 65; unreadable 66. */
export const IMPORT_EXIT = {
  ok: 0,
  refusedRows: 2,
  usage: 64,
  dataError: 65,
  noInput: 66,
} as const;

/**
 * `halo import <type> <file>`: streams a file through the same pipeline as
 * POST /api/v1/import/:type, with a progress bar on a terminal and a summary at the end.
 * The format comes from --format or the file's extension (.csv .tsv .json .ndjson .jsonl); the
 * charset from --charset (UTF-8 by default, windows-1252 and its labels latin1, iso-8859-1).
 * The run is kept like an HTTP import's (GET /api/v1/imports/:id), with no key.
 */
export async function importFileCommand(
  app: INestApplicationContext,
  type: string,
  file: string,
  options: { format?: string; locale?: string; columns?: string; charset?: string },
): Promise<number> {
  const requested =
    options.format?.toLowerCase() === 'jsonl' ? 'ndjson' : options.format?.toLowerCase();
  const format: ImportFormat | undefined =
    requested === undefined
      ? formatFromFileName(file)
      : isImportFormat(requested)
        ? requested
        : undefined;
  if (!format) {
    process.stderr.write(
      `halo: cannot tell the format of ${file}; pass --format ${IMPORT_FORMATS.join('|')}\n`,
    );
    return IMPORT_EXIT.usage;
  }
  let csv: CsvReadOptions;
  try {
    csv = csvReadOptions({ locale: options.locale, columns: options.columns }, format);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`halo: --${error.details[0].field} ${error.details[0].reason}\n`);
    return IMPORT_EXIT.usage;
  }
  const charset = options.charset === undefined ? 'utf-8' : charsetFromLabel(options.charset);
  if (!charset) {
    process.stderr.write(
      `halo: charset ${options.charset} is not supported; use ${IMPORT_CHARSETS.join(' or ')} (latin1 and iso-8859-1 name windows-1252)\n`,
    );
    return IMPORT_EXIT.usage;
  }
  const pipeline = app.get(ImportPipeline);
  if (!pipeline.types().includes(type)) {
    process.stderr.write(
      `halo: unknown import type ${type}; one of ${pipeline.types().join(', ')}\n`,
    );
    return IMPORT_EXIT.usage;
  }
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch (error) {
    process.stderr.write(`halo: cannot read ${file}: ${(error as Error).message}\n`);
    return IMPORT_EXIT.noInput;
  }
  let progress: ProgressBar | undefined;
  if (process.stderr.isTTY) {
    const rows = await countRows(file, format);
    progress = new ProgressBar(
      process.stderr,
      rows === undefined ? { totalBytes: size } : { rows },
    );
  }
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  const runs = app.get(ImportRunsRepository);
  const runId = randomUUID();
  try {
    const result = await new ImportLeases(app.get(DataSource)).hold(async () => {
      await runs.start({ id: runId, type, format, dryRun: false, keyId: null });
      try {
        const done = await pipeline.run(type, format, stream, {
          csv,
          charset,
          runId,
          onBatch: (batch) => progress?.update(batch),
        });
        await runs.finish(runId, 'succeeded', { result: done });
        return done;
      } catch (error) {
        await runs.finish(runId, 'failed', {
          failureCode: error instanceof DomainError ? error.code : CommonErrorCode.INTERNAL,
        });
        throw error;
      }
    }, runId);
    progress?.clear();
    process.stdout.write(importSummary(result, file));
    process.stdout.write(`  kept as import ${runId} (GET /api/v1/imports/${runId})\n`);
    return result.refused > 0 ? IMPORT_EXIT.refusedRows : IMPORT_EXIT.ok;
  } catch (error) {
    progress?.clear();
    if (!(error instanceof DomainError)) throw error;
    const details = error.details.map((detail) => `\n  ${detail.field} ${detail.reason}`).join('');
    process.stderr.write(`halo: ${file}: ${error.message}${details}\n`);
    return IMPORT_EXIT.dataError;
  } finally {
    stream.destroy();
  }
}
