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
 * The format comes from --format or the file's extension (.csv .tsv .json .ndjson .jsonl).
 */
export async function importFileCommand(
  app: INestApplicationContext,
  type: string,
  file: string,
  options: { format?: string; locale?: string; columns?: string },
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
  const progress = process.stderr.isTTY ? new ProgressBar(process.stderr, size) : undefined;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    const result = await new ImportLeases(app.get(DataSource)).hold(() =>
      pipeline.run(type, format, stream, {
        csv,
        onBatch: (batch) => progress?.update(batch),
      }),
    );
    progress?.clear();
    process.stdout.write(importSummary(result, file));
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
