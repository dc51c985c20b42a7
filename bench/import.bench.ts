/**
 * Import throughput on a fresh SQLite file: generates N rows of NDJSON (mentions when the
 * mentions module is installed, else members), then measures
 *   1. parse only (read + split + JSON.parse),
 *   2. parse + validate (the DTO checks of every row),
 *   3. the full import through ImportPipeline (batches, savepoints, the services' rules),
 * each with rows/s, and the peak RSS after each phase, so the import figure reads as a ratio.
 *
 *   npx ts-node --transpile-only bench/import.bench.ts [rows=1000000] [type]
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeBenchFigures } from './bench-result';
import { member, mention, writeNdjson } from './import-rows';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const folder = mkdtempSync(join(tmpdir(), 'halo-bench-'));
process.env.SQLITE_PATH = join(folder, 'bench.sqlite');
process.env.LOG_LEVEL = 'warn';
// The harness (bench/run.ts --database postgres) gives a fresh PostgreSQL database here.
if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
else delete process.env.DATABASE_URL;
const DATABASE = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';

const peakMegabytes = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const { AppModule } = await import('../src/app.module');
  const { ImportPipeline } = await import('../src/imports/import-pipeline.service');
  const { readRows } = await import('../src/imports/import-format');
  const { utf8Text } = await import('../src/imports/readers/utf8-text');
  const { validateRow } = await import('../src/imports/row-validator');

  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const pipeline = app.get(ImportPipeline);
  const type = process.argv[3] ?? (pipeline.types().includes('mentions') ? 'mentions' : 'members');
  const dto = pipeline.importer(type).dto;
  const file = join(folder, `${type}.ndjson`);
  await writeNdjson(file, ROWS, type === 'mentions' ? mention : member);
  const megabytes = statSync(file).size / 1e6;
  console.log(
    `${ROWS} ${type} rows, ${megabytes.toFixed(1)} MB of NDJSON; peak RSS after setup ${peakMegabytes()} MB`,
  );

  const report = (label: string, rows: number, started: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(rows / seconds);
    console.log(
      `${label.padEnd(18)} ${seconds.toFixed(1).padStart(7)} s  ${String(rate).padStart(8)} rows/s  peak RSS ${peakMegabytes()} MB`,
    );
    return rate;
  };

  let started = performance.now();
  let count = 0;
  for await (const row of readRows('ndjson', utf8Text(createReadStream(file)), dto))
    if (row.value) count += 1;
  const parseRate = report('parse only', count, started);

  started = performance.now();
  count = 0;
  for await (const row of readRows('ndjson', utf8Text(createReadStream(file)), dto))
    if ('instance' in (await validateRow(dto, row.value))) count += 1;
  const validateRate = report('parse + validate', count, started);

  started = performance.now();
  let rssSampled = 0;
  const result = await pipeline.run(
    type,
    'ndjson',
    createReadStream(file, { highWaterMark: 1 << 20 }),
    {
      onBatch: (progress) => {
        rssSampled = Math.max(rssSampled, process.memoryUsage().rss);
        if (progress.batches % 200 === 0)
          console.log(
            `  ${progress.rows} rows, ${Math.round(progress.rows / ((performance.now() - started) / 1000))} rows/s so far, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
          );
      },
    },
  );
  const importRate = report('import', result.rows, started);
  console.log(
    `import result: created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, refused ${result.refused}` +
      (result.errors[0] ? `; first refusal ${JSON.stringify(result.errors[0])}` : ''),
  );
  console.log(`largest RSS sampled between batches: ${Math.round(rssSampled / 1e6)} MB`);
  console.log(
    `import runs at ${((importRate / parseRate) * 100).toFixed(1)}% of parse-only speed and ${((importRate / validateRate) * 100).toFixed(1)}% of parse + validate`,
  );
  const note = `${ROWS} ${type}, NDJSON, ${DATABASE}; peak RSS ${peakMegabytes()} MB`;
  writeBenchFigures('import', [
    {
      figure: `import: ${type} (pipeline, every rule)`,
      value: importRate,
      unit: 'rows/s',
      baseline: parseRate,
      baselineLabel: 'parse only, same file',
      better: 'higher',
      target: '>= 30000 rows/s',
      note,
    },
    {
      figure: `import: ${type} parse + validate`,
      value: validateRate,
      unit: 'rows/s',
      baseline: parseRate,
      baselineLabel: 'parse only, same file',
      better: 'higher',
      note,
    },
    {
      figure: 'import: peak RSS',
      value: peakMegabytes(),
      unit: 'MB',
      better: 'lower',
      target: '< 300 MB',
      note,
    },
  ]);
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}

void main();
