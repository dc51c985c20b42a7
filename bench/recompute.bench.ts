/**
 * Recompute on a generated brand (bench/generated-brand.ts, with events and feedback): MEMBERS
 * members (default 100,000) with about a million purchases and activities (orders, reviews,
 * mentions, referrals, events with attendance and guests, feedback), on a fresh SQLite file. Reports the recompute time as a ratio to a
 * baseline measured in the same process (one full scan-and-group of the purchases table), and
 * the peak RSS of the measuring process (its main thread and the recompute's worker threads).
 * The recompute runs as in the service: in a worker thread with its own connection.
 * BENCH_DB=<file> keeps the generated database and reuses it on the next run (which then
 * replaces the snapshots of the same date, a little slower than a new date's).
 *
 * BENCH_DATABASE_URL (set by `npm run bench -- --database postgres`, a fresh database) runs it on
 * PostgreSQL: the brand is generated into the SQLite file as above, then copied table by table
 * into the migrated PostgreSQL database (bench/sqlite-to-postgres.ts) and the file removed
 * (unless BENCH_DB names it); the measure is the same, on PostgreSQL. The peak RSS is then
 * this process's only, not the server's.
 * Run: npx ts-node --transpile-only bench/recompute.bench.ts
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadSettings } from '../src/config/load-settings';
import { dataSourceOptions } from '../src/database/data-source-options';
import { sqliteConnection } from '../src/database/sql';
import { RecomputeOutcome } from '../src/value/recompute-job';
import { runInWorker } from '../src/common/workers/run-in-worker';
import { ValueRun } from '../src/value/value-run.entity';
import { writeBenchFigures } from './bench-result';
import { BRAND_TABLES, generateBrand } from './generated-brand';
import { copySqliteToPostgres } from './sqlite-to-postgres';

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const AS_OF = Date.UTC(2026, 10, 1);
// The harness (bench/run.ts --database postgres) gives a fresh PostgreSQL database here.
const POSTGRES_URL = process.env.BENCH_DATABASE_URL;
const DATABASE = POSTGRES_URL ? 'PostgreSQL' : 'SQLite';

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function main(): Promise<void> {
  const file =
    process.env.BENCH_DB ?? join(mkdtempSync(join(tmpdir(), 'halo-bench-')), 'bench.sqlite');
  if (process.argv.includes('--measure')) return measure(file);
  const reuse = existsSync(file);
  const dataSource = await open(loadSettings({ SQLITE_PATH: file }));
  if (reuse) {
    console.log(`reusing ${file}`);
  } else {
    const generating = Date.now();
    const counts = generateBrand(sqliteConnection(dataSource)!, MEMBERS, {
      until: AS_OF,
      rateFactor: 22,
      eventsAndFeedback: true,
    });
    console.log(
      `generated in ${Date.now() - generating} ms:`,
      counts,
      `purchases and activities ${Object.entries(counts)
        .filter(([key]) => key !== 'members')
        .reduce((sum, [, value]) => sum + value, 0)}`,
    );
  }
  if (POSTGRES_URL) {
    const migrating = Date.now();
    const postgres = await open(loadSettings({ DATABASE_URL: POSTGRES_URL }));
    console.log(`migrated PostgreSQL in ${Date.now() - migrating} ms`);
    const copying = Date.now();
    const copied = await copySqliteToPostgres(
      sqliteConnection(dataSource)!,
      postgres,
      BRAND_TABLES,
    );
    await postgres.destroy();
    console.log(`copied to PostgreSQL (and analyzed) in ${Date.now() - copying} ms:`, copied);
  }
  await dataSource.destroy();
  if (POSTGRES_URL && !process.env.BENCH_DB)
    rmSync(dirname(file), { recursive: true, force: true });
  // A fresh process measures, so that its memory is the recompute's and not the generator's.
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--measure'], {
    env: { ...process.env, BENCH_DB: file },
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
}

async function open(settings: ReturnType<typeof loadSettings>): Promise<DataSource> {
  const dataSource = new DataSource({ ...dataSourceOptions(settings), migrationsRun: true });
  await dataSource.initialize();
  return dataSource;
}

async function measure(file: string): Promise<void> {
  const settings = loadSettings(
    POSTGRES_URL ? { DATABASE_URL: POSTGRES_URL } : { SQLITE_PATH: file },
  );
  const dataSource = await open(settings);
  // The baseline does the grouping work but returns one row, so that no result lingers in
  // this process's memory during the recompute. Integer division on both databases.
  const baselineStarted = performance.now();
  await dataSource.query(
    'SELECT COUNT(*), SUM(total) FROM (SELECT member_id, occurred_at / 86400000 AS day, SUM(base_amount_minor) AS total FROM purchases GROUP BY member_id, occurred_at / 86400000) days',
  );
  const baselineMs = performance.now() - baselineStarted;
  const single = await recomputeOnce(dataSource, settings, AS_OF);
  const note = `${single.outcome.members} members, method ${single.outcome.method}, ${DATABASE}`;
  // The same run shared by two threads (as a second instance would share it): on two cores
  // both compete with the database (SQLite's single writer, or the PostgreSQL server on the
  // same cores), so this is no halving, but it is the design's.
  // A day earlier, so that it too writes a date that has no snapshots yet (replacing a date's
  // snapshots deletes the old ones, which would make it slower for another reason).
  const shared = await recomputeOnce(
    dataSource,
    { ...settings, value: { ...settings.value, recomputeThreads: 2 } },
    AS_OF - 86_400_000,
  );
  writeBenchFigures('recompute', [
    {
      figure: 'recompute',
      value: Math.round(single.ms),
      unit: 'ms',
      baseline: Math.round(baselineMs),
      baselineLabel: 'one GROUP BY scan of purchases',
      better: 'lower',
      target: '<= 4x baseline',
      note,
    },
    {
      figure: 'recompute: peak RSS',
      value: single.peakRssMb,
      unit: 'MB',
      better: 'lower',
      target: '<= 500 MB',
      note: `${note}, chunks of ${settings.value.recomputeChunkSize}`,
    },
    {
      figure: 'recompute shared by 2 threads (own connections)',
      value: Math.round(shared.ms),
      unit: 'ms',
      baseline: Math.round(single.ms),
      baselineLabel: 'the same recompute in 1 thread',
      better: 'lower',
      note: `peak RSS ${shared.peakRssMb} MB, ${DATABASE}`,
    },
  ]);
  await dataSource.destroy();
}

/** One recompute in a worker thread, as the service runs it: time, peak RSS, outcome. */
async function recomputeOnce(
  dataSource: DataSource,
  settings: ReturnType<typeof loadSettings>,
  asOf: number,
): Promise<{ ms: number; peakRssMb: number; outcome: RecomputeOutcome }> {
  peakRss = 0;
  const sampler = setInterval(sample, 20);
  sample();
  const runId = randomUUID();
  await dataSource.getRepository(ValueRun).insert({
    id: runId,
    asOf,
    asOfDate: new Date(asOf).toISOString().slice(0, 10),
    status: 'running',
    trigger: 'bench',
    startedAt: Date.now(),
    members: 0,
  });
  // The production path: a worker thread with its own connection.
  // Timed from the worker's first progress message, so that ts-node compiling the worker's
  // modules (which the built app does not do) is left out and reported apart.
  const stages: Record<string, number> = {};
  const launched = performance.now();
  let started = 0;
  let last = 0;
  let stage = 'start';
  const outcome = await runInWorker<RecomputeOutcome>(
    join(__dirname, '../src/value'),
    'recompute.worker',
    { settings: JSON.parse(JSON.stringify(settings)), runId, asOf, holder: 'bench' },
    (message) => {
      if (message.type !== 'progress') return;
      const now = performance.now();
      if (!started) started = last = now;
      stages[stage] = (stages[stage] ?? 0) + now - last;
      last = now;
      stage = String(message.stage);
    },
  );
  const finished = performance.now();
  stages[stage] = (stages[stage] ?? 0) + finished - last;
  delete stages.start;
  clearInterval(sampler);
  const run = await dataSource.getRepository(ValueRun).findOneByOrFail({ id: runId });
  const model = JSON.parse(run.model ?? '{}');
  const result = {
    ms: finished - started,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    outcome,
  };
  console.log(
    JSON.stringify(
      {
        threads: settings.value.recomputeThreads,
        members: outcome.members,
        method: outcome.method,
        bgnbd: model.bgnbd && {
          r: model.bgnbd.r,
          alpha: model.bgnbd.alpha,
          a: model.bgnbd.a,
          b: model.bgnbd.b,
        },
        stageMs: Object.fromEntries(
          Object.entries(stages).map(([key, value]) => [key, Math.round(value)]),
        ),
        workerStartMs: Math.round(started - launched),
        recomputeMs: Math.round(result.ms),
        peakRssMb: result.peakRssMb,
      },
      null,
      2,
    ),
  );
  return result;
}

void main();
