/**
 * What an HTTP import costs everyone else: starts the real app (AppModule) on a fresh SQLite
 * file, imports N mentions as NDJSON over HTTP (a Content-Length body, streamed from a file)
 * while another thread polls GET /health every 20 ms, and reports /health p50/p99/max during
 * the import against idle (the baseline), the import's rows/s and the peak RSS. Twice in the
 * same process, each on a fresh database: with the import in a worker thread (the default for
 * a body this size) and on the main thread (IMPORT_WORKER_MIN_BYTES larger than the file).
 *
 *   npm run build && node dist/bench/import-api.bench.js [rows=200000] [worker|in-process]
 *
 * Peak RSS is the process's (both threads): a second run inherits the first one's heap, so the
 * optional last argument runs one mode alone, for its memory figure.
 *
 * (Under ts-node the worker compiles its TypeScript on each start, which delays the import.)
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { ImportResult } from '../src/imports/import-result';
import { percentile } from './generated-brand';
import { mention, writeNdjson } from './import-rows';

const ROWS = Number(process.argv[2] ?? 200_000);
const MODES = process.argv[3] ? [process.argv[3]] : ['worker', 'in-process'];
const IDLE_MS = 3_000;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const folder = mkdtempSync(join(tmpdir(), 'halo-import-api-bench-'));

/**
 * Polls in its own thread, so that a blocked main thread delays the answers, not the polling:
 * one request at a time, 20 ms after the last answer; samples the process's RSS as it goes.
 */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let polling = true;
parentPort.on('message', () => (polling = false));
(async () => {
  const samples = [];
  let peakRss = 0;
  while (polling) {
    const started = performance.now();
    const response = await fetch(workerData.url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error('/health answered ' + response.status);
    samples.push(performance.now() - started);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  parentPort.postMessage({ samples, peakRss });
})();
`;

interface Polled {
  samples: number[];
  peakRss: number;
}

/** Polls /health until `during` settles; returns its result with what the poller saw. */
async function pollDuring<T>(url: string, during: Promise<T>): Promise<[T, Polled]> {
  const poller = new Worker(POLLER, { eval: true, workerData: { url: `${url}/health` } });
  const polled = new Promise<Polled>((resolve, reject) => {
    poller.once('message', resolve);
    poller.once('error', reject);
  });
  try {
    const result = await during;
    poller.postMessage('stop');
    return [result, await polled];
  } finally {
    await poller.terminate();
  }
}

function upload(url: string, file: string): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const post = request(`${url}/api/v1/import/mentions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ADMIN_KEY}`,
        'Content-Type': 'application/x-ndjson',
        'Content-Length': statSync(file).size,
      },
    });
    post.on('response', (reply) => {
      let body = '';
      reply.on('data', (chunk: Buffer) => (body += chunk.toString()));
      reply.on('end', () =>
        reply.statusCode === 200
          ? resolve(JSON.parse(body) as ImportResult)
          : reject(new Error(`import answered ${reply.statusCode}: ${body.slice(0, 500)}`)),
      );
    });
    post.on('error', reject);
    createReadStream(file, { highWaterMark: 1 << 16 }).pipe(post);
  });
}

async function startApp(sqlitePath: string, workerMinBytes: number) {
  Object.assign(process.env, {
    SQLITE_PATH: sqlitePath,
    HALO_ADMIN_KEY: ADMIN_KEY,
    LOG_LEVEL: 'warn',
    IMPORT_WORKER_MIN_BYTES: String(workerMinBytes),
  });
  delete process.env.DATABASE_URL;
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureApp(app);
  app.getHttpServer().requestTimeout = 0;
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

const figures = (samples: number[]) =>
  [0.5, 0.99, 1].map((share) => percentile(samples, share).toFixed(1).padStart(7)).join(' /');

async function measure(label: string, file: string, workerMinBytes: number): Promise<void> {
  const { app, url } = await startApp(join(folder, `${label}.sqlite`), workerMinBytes);
  const idle = new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const [, baseline] = await pollDuring(url, idle);
  const started = performance.now();
  const [result, during] = await pollDuring(url, upload(url, file));
  const seconds = (performance.now() - started) / 1000;
  if (result.created !== ROWS)
    throw new Error(`expected ${ROWS} created: ${JSON.stringify(result)}`);
  console.log(
    `${label.padEnd(11)} ${seconds.toFixed(1).padStart(6)} s ${String(Math.round(ROWS / seconds)).padStart(7)} rows/s` +
      `   /health idle p50/p99/max ${figures(baseline.samples)} ms (${baseline.samples.length})` +
      `   during ${figures(during.samples)} ms (${during.samples.length})` +
      `   peak RSS ${Math.round(during.peakRss / 1e6)} MB`,
  );
  await app.close();
}

async function main(): Promise<void> {
  const file = join(folder, 'mentions.ndjson');
  await writeNdjson(file, ROWS, mention);
  const bytes = statSync(file).size;
  console.log(`${ROWS} mentions, ${(bytes / 1e6).toFixed(1)} MB of NDJSON, over HTTP`);
  if (MODES.includes('worker')) await measure('worker', file, 0);
  if (MODES.includes('in-process')) await measure('in-process', file, bytes + 1);
  console.log(
    `peak RSS of the process over both runs ${Math.round((process.resourceUsage().maxRSS * 1024) / 1e6)} MB`,
  );
  rmSync(folder, { recursive: true, force: true });
}

void main();
