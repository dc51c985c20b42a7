/**
 * The bench harness: runs each bench (bench/*.bench.ts, built to dist/bench) in its own process,
 * each measuring its figures next to a baseline in that same process, then prints one table
 * (figure | value | baseline | ratio | target) and writes everything as JSON to
 * bench/results/<timestamp>.json and, unless --only, bench/results/latest.json. A bench's own output goes to
 * bench/results/<timestamp>-<bench>.log.
 *
 *   npm run bench                         # full sizes (100,000 members / customers)
 *   npm run bench -- --quick              # small sizes, under a minute on 2 cores
 *   npm run bench -- --database postgres  # the benches that run on PostgreSQL, on a fresh database
 *   npm run bench -- --only fit,import    # some benches
 *   npm run bench -- --database postgres --only recompute --members 1000000
 *                                         # the opt-in size: a brand of 1,000,000 members on
 *                                         # PostgreSQL, reported, not a gate
 *
 * --members N sets the size of the generated brand of the benches that generate one (advocates,
 * recompute), in place of their default (100,000, or 2,000 with --quick).
 * `npm run bench` builds first (tsc into dist/), so it works from a fresh clone after `npm ci`.
 * PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a
 * server where the harness may create and drop a database.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { copyFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { BenchFigure } from './bench-result';

type Database = 'sqlite' | 'postgres';

interface BenchPlan {
  name: string;
  /** What it measures, for --help and the JSON. */
  measures: string;
  databases: Database[];
  args: (quick: boolean) => string[];
  env: (quick: boolean) => Record<string, string>;
  /** Generates a brand of MEMBERS members, which --members overrides. */
  generatesBrand?: true;
}

const BENCHES: BenchPlan[] = [
  {
    name: 'fit',
    measures:
      'BG/NBD + Gamma-Gamma and the modified BG/NBD on 100,000 customers (whole days and distinct timestamps) against the implementation before and 1e6 Math.log',
    databases: ['sqlite', 'postgres'],
    args: (quick) => ['100000', ...(quick ? ['--quick'] : [])],
    env: () => ({}),
  },
  {
    name: 'import',
    measures:
      'import of members, purchases and mentions from NDJSON and CSV (every rule) against raw prepared inserts of the same rows, peak RSS',
    databases: ['sqlite', 'postgres'],
    args: (quick) => [quick ? '3000' : '50000'],
    env: () => ({}),
  },
  {
    name: 'advocates',
    measures: 'GET /advocates p50/p99 per sort, segment and filter against GET /health',
    databases: ['sqlite'],
    args: () => [],
    env: (quick) => ({
      MEMBERS: quick ? '2000' : '100000',
      REQUESTS: quick ? '20' : '200',
    }),
    generatesBrand: true,
  },
  {
    name: 'recompute',
    measures: 'recompute of a generated brand against one GROUP BY scan of purchases, peak RSS',
    databases: ['sqlite', 'postgres'],
    args: () => [],
    env: (quick) => ({ MEMBERS: quick ? '2000' : '100000' }),
    generatesBrand: true,
  },
  {
    name: 'writes',
    measures:
      'POST /purchases, POST /mentions and GET /members?limit=50 at 20 connections (req/s, p50/p99) against a bare node:http server doing the same INSERT or SELECT',
    databases: ['sqlite'],
    args: () => [],
    env: (quick) => ({ REQUESTS: quick ? '1000' : '10000', MEMBERS: quick ? '50' : '200' }),
  },
  {
    name: 'digest',
    measures: 'one scheduler tick rendering and sending digests over SMTP on loopback',
    databases: ['sqlite'],
    args: () => [],
    env: (quick) => ({ MEMBERS: quick ? '500' : '2000', DIGESTS: quick ? '100' : '1000' }),
  },
];

interface Options {
  quick: boolean;
  database: Database;
  only?: string[];
  /** The generated brand's size, for the benches that generate one. */
  members?: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { quick: false, database: 'sqlite' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (!next) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg.startsWith('--database')) {
      const database = value();
      if (database !== 'sqlite' && database !== 'postgres') {
        throw new Error(`--database must be sqlite or postgres, not ${database}`);
      }
      options.database = database;
    } else if (arg.startsWith('--only')) options.only = value().split(',');
    else if (arg.startsWith('--members')) {
      const members = Number(value());
      if (!Number.isInteger(members) || members < 1) {
        throw new Error('--members must be a positive whole number');
      }
      options.members = members;
    } else if (arg === '--help' || arg === '-h') {
      console.log(
        'npm run bench -- [--quick] [--database sqlite|postgres] [--only fit,import,...] [--members N]\n\n' +
          `  --members N  the generated brand's size (default 100,000; 2,000 with --quick) for ${BENCHES.filter(
            (bench) => bench.generatesBrand,
          )
            .map((bench) => bench.name)
            .join(', ')};\n` +
          '               e.g. --database postgres --only recompute --members 1000000, the opt-in size\n',
      );
      for (const bench of BENCHES) {
        console.log(`  ${bench.name.padEnd(10)} ${bench.measures} (${bench.databases.join(', ')})`);
      }
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  const unknown = options.only?.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown?.length) throw new Error(`unknown bench ${unknown.join(', ')}`);
  return options;
}

interface BenchOutcome {
  bench: string;
  status: 'ok' | 'failed' | 'skipped';
  reason?: string;
  seconds: number;
  log?: string;
  figures: BenchFigure[];
}

/** The repository root, whether this runs from bench/ (ts-node) or dist/bench/. */
const ROOT = existsSync(resolve(__dirname, '..', 'package.json'))
  ? resolve(__dirname, '..')
  : resolve(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results');

async function runBench(
  plan: BenchPlan,
  options: Options,
  stamp: string,
  databaseUrl: string | undefined,
): Promise<BenchOutcome> {
  const script = join(ROOT, 'dist', 'bench', `${plan.name}.bench.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const resultFile = join(os.tmpdir(), `halo-bench-${stamp}-${plan.name}.json`);
  const log = join(RESULTS, `${stamp}-${plan.name}.log`);
  const output = openSync(log, 'w');
  const started = performance.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...plan.env(options.quick),
    ...(plan.generatesBrand && options.members ? { MEMBERS: String(options.members) } : {}),
    BENCH_RESULT_FILE: resultFile,
    LOG_LEVEL: 'warn',
  };
  delete env.BENCH_DATABASE_URL;
  if (databaseUrl) env.BENCH_DATABASE_URL = databaseUrl;
  const exitCode = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [script, ...plan.args(options.quick)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', output, output],
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  closeSync(output);
  const seconds = (performance.now() - started) / 1000;
  let figures: BenchFigure[] = [];
  if (existsSync(resultFile)) {
    figures = (JSON.parse(readFileSync(resultFile, 'utf8')) as { figures: BenchFigure[] }).figures;
    rmSync(resultFile);
  }
  const failed = exitCode !== 0 || figures.length === 0;
  return {
    bench: plan.name,
    status: failed ? 'failed' : 'ok',
    ...(failed ? { reason: `exit code ${exitCode}, ${figures.length} figures; see ${log}` } : {}),
    seconds: Number(seconds.toFixed(1)),
    log,
    figures,
  };
}

function adminUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the server of BENCH_POSTGRES_URL, dropped after the bench. */
async function withPostgres<T>(stamp: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `halo_bench_${stamp.replace(/\D/g, '')}_${process.pid}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  return value.toFixed(value >= 10 ? 1 : 2);
}

function table(outcomes: BenchOutcome[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const rows = outcomes.flatMap((outcome) =>
    outcome.status === 'ok'
      ? outcome.figures.map((figure) => [
          figure.figure,
          `${formatNumber(figure.value)} ${figure.unit}`,
          figure.baseline === undefined
            ? ''
            : `${formatNumber(figure.baseline)} ${figure.unit} (${figure.baselineLabel ?? ''})`,
          figure.baseline ? `${(figure.value / figure.baseline).toFixed(2)}x` : '',
          figure.target ?? '',
        ])
      : [[outcome.bench, outcome.status, outcome.reason ?? '', '', '']],
  );
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(RESULTS, { recursive: true });
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const about = machine();
  console.log(
    `bench ${options.quick ? '--quick ' : ''}${options.members ? `--members ${options.members} ` : ''}on ${options.database}: ${about.cores} cores (${about.cpu}), ` +
      `node ${about.node}, load average ${about.loadAverageAtStart.join(' ')}`,
  );
  const outcomes: BenchOutcome[] = [];
  for (const plan of BENCHES) {
    if (options.only && !options.only.includes(plan.name)) continue;
    if (!plan.databases.includes(options.database)) {
      outcomes.push({
        bench: plan.name,
        status: 'skipped',
        reason: `runs on ${plan.databases.join(', ')} only`,
        seconds: 0,
        figures: [],
      });
      console.log(`${plan.name}: skipped (runs on ${plan.databases.join(', ')} only)`);
      continue;
    }
    const usesDatabase = plan.name !== 'fit';
    const outcome =
      options.database === 'postgres' && usesDatabase
        ? await withPostgres(stamp, (url) => runBench(plan, options, stamp, url))
        : await runBench(plan, options, stamp, undefined);
    outcomes.push(outcome);
    console.log(`${plan.name}: ${outcome.status} in ${outcome.seconds} s (log ${outcome.log})`);
  }
  const finishedAt = new Date();
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: Number(((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(1)),
    quick: options.quick,
    ...(options.members ? { members: options.members } : {}),
    database: options.database,
    machine: { ...about, loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))) },
    benches: outcomes.map((outcome) => ({
      ...outcome,
      log: outcome.log && outcome.log.replace(`${ROOT}/`, ''),
      measures: BENCHES.find((plan) => plan.name === outcome.bench)?.measures,
    })),
    table: '',
  };
  result.table = table(outcomes);
  const file = join(RESULTS, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  // latest.json is the last run of every bench (for the README), not a run of some of them.
  if (!options.only) copyFileSync(file, join(RESULTS, 'latest.json'));
  console.log(`\n${result.table}\n\n${result.seconds} s in all; written to ${file}`);
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
