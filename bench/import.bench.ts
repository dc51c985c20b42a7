/**
 * Import throughput on a fresh database, for members, purchases and mentions, each from NDJSON
 * and from CSV: N generated rows per file, then
 *   1. parse only (read + split + JSON.parse or CSV cells, the pipeline's own readers),
 *   2. the baseline: raw prepared inserts of the same rows, parsed from the same file, into a
 *      copy of the table with the same unique and lookup indexes, in one transaction, no rule
 *      (bench/import-raw.ts),
 *   3. the import through ImportPipeline with every rule (validation, natural keys, identities,
 *      per-row errors), in its batches,
 * each in rows/s, the import as a ratio to the raw inserts; plus parse + validate alone for
 * mentions and the peak RSS.
 *
 *   npm run build && node dist/bench/import.bench.js [rows=50000] [types=members,purchases,mentions]
 *
 * BENCH_DATABASE_URL (set by `npm run bench -- --database postgres`) runs it on PostgreSQL.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { writeBenchFigures, type BenchFigure } from './bench-result';
import { copyTable, insertRaw, rawRow } from './import-raw';
import { member, mention, purchase, writeCsv, writeNdjson } from './import-rows';

const ROWS = Number(process.argv[2] ?? 50_000);
const TYPES = (process.argv[3] ?? 'members,purchases,mentions').split(',');
const FORMATS = ['ndjson', 'csv'] as const;
/** Purchases are made by this many of the members imported first. */
const BUYERS = Math.min(ROWS, 10_000);
const folder = mkdtempSync(join(tmpdir(), 'halo-bench-'));
process.env.SQLITE_PATH = join(folder, 'bench.sqlite');
process.env.LOG_LEVEL = 'warn';
// The harness (bench/run.ts --database postgres) gives a fresh PostgreSQL database here.
if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
else delete process.env.DATABASE_URL;
const DATABASE = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';

const peakMegabytes = () => Math.round(process.resourceUsage().maxRSS / 1024);

function rowsOf(type: string, prefix: string): (index: number) => object {
  if (type === 'members') return (index) => member(index, prefix);
  if (type === 'purchases') return (index) => purchase(index, prefix, BUYERS, 'n');
  return (index) => mention(index, prefix);
}

async function main(): Promise<void> {
  const { AppModule } = await import('../src/app.module');
  const { ImportPipeline } = await import('../src/imports/import-pipeline.service');
  const { readRows } = await import('../src/imports/import-format');
  const { utf8Text } = await import('../src/imports/readers/utf8-text');
  const { validateRow } = await import('../src/imports/row-validator');

  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const pipeline = app.get(ImportPipeline);
  const dataSource = app.get(DataSource);
  const figures: BenchFigure[] = [];
  const rate = (rows: number, started: number) =>
    Math.round(rows / ((performance.now() - started) / 1000));
  console.log(`${ROWS} rows per file, ${DATABASE}`);

  for (const type of TYPES) {
    const dto = pipeline.importer(type).dto;
    for (const format of FORMATS) {
      const file = join(folder, `${type}.${format}`);
      await (format === 'csv' ? writeCsv : writeNdjson)(file, ROWS, rowsOf(type, format[0]));
      const parse = () => readRows(format, utf8Text(createReadStream(file)), dto);

      let started = performance.now();
      let count = 0;
      for await (const row of parse()) if (row.value) count += 1;
      const parseRate = rate(count, started);

      if (type === 'mentions' && format === 'ndjson') {
        started = performance.now();
        count = 0;
        for await (const row of parse())
          if ('instance' in (await validateRow(dto, row.value))) count += 1;
        const validateRate = rate(count, started);
        console.log(`  ${type} ${format}: parse + validate ${validateRate} rows/s`);
        figures.push({
          figure: `import: ${type} parse + validate`,
          value: validateRate,
          unit: 'rows/s',
          baseline: parseRate,
          baselineLabel: 'parse only, same file',
          better: 'higher',
        });
      }

      const memberIds = new Map<string, string>(
        type === 'purchases'
          ? (
              (await dataSource.query('SELECT id, external_id FROM members')) as {
                id: string;
                external_id: string;
              }[]
            ).map((row) => [row.external_id, row.id])
          : [],
      );
      const table = await copyTable(dataSource, type);
      started = performance.now();
      const written = await insertRaw(
        dataSource,
        table,
        (async function* () {
          for await (const row of parse())
            if (row.value) yield rawRow(type, row.value as Record<string, unknown>, memberIds);
        })(),
      );
      const rawRate = rate(written, started);
      await dataSource.query(`DROP TABLE ${table}`);

      started = performance.now();
      const result = await pipeline.run(
        type,
        format,
        createReadStream(file, { highWaterMark: 1 << 20 }),
      );
      const importRate = rate(result.rows, started);
      if (result.created !== ROWS)
        throw new Error(
          `${type} ${format}: ${result.created} of ${ROWS} created; first refusal ${JSON.stringify(result.errors[0])}`,
        );
      const megabytes = (statSync(file).size / 1e6).toFixed(1);
      console.log(
        `  ${type} ${format} (${megabytes} MB): parse ${parseRate}, raw inserts ${rawRate}, import ${importRate} rows/s = ${(importRate / rawRate).toFixed(2)}x raw; peak RSS ${peakMegabytes()} MB`,
      );
      figures.push({
        figure: `import: ${type} ${format.toUpperCase()} (every rule)`,
        value: importRate,
        unit: 'rows/s',
        baseline: rawRate,
        baselineLabel: 'raw prepared inserts, same rows, one transaction',
        better: 'higher',
        target: '>= 0.3x raw, >= 30000 rows/s',
        note: `${ROWS} rows, ${DATABASE}; parse only ${parseRate} rows/s`,
      });
    }
  }
  figures.push({
    figure: 'import: peak RSS',
    value: peakMegabytes(),
    unit: 'MB',
    better: 'lower',
    target: '< 300 MB',
    note: `${ROWS} rows per file, ${TYPES.length * FORMATS.length} files, ${DATABASE}`,
  });
  writeBenchFigures('import', figures);
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}

void main();
