/**
 * Single writes over HTTP at 20 connections: the real app (AppModule, every rule) on a fresh
 * SQLite file answers `POST /api/v1/purchases` and `POST /api/v1/mentions` with distinct valid
 * bodies (a unique externalId / url per request; every other request sends an Idempotency-Key
 * as a retrying client does), driven by a load generator in this process: node:http with a
 * keep-alive Agent (maxSockets 20) and 20 loops sharing REQUESTS requests. The baseline, in the
 * same process on the same file (same tables, same indexes, same pragmas): a bare node:http
 * server that parses the same JSON and runs the same INSERT with a better-sqlite3 prepared
 * statement, driven by the same generator. Reports req/s and p50/p99 of each, and the ratio.
 * Then a list read the same way: `GET /api/v1/members?limit=50` against the bare server's
 * prepared SELECT of 50 rows.
 *
 *   npm run build && REQUESTS=10000 node dist/bench/writes.bench.js
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeBenchFigures, type BenchFigure } from './bench-result';
import { percentile } from './generated-brand';

const REQUESTS = Number(process.env.REQUESTS ?? 10_000);
const WARMUP = Number(process.env.WARMUP ?? Math.min(500, Math.round(REQUESTS / 10)));
const MEMBERS = Number(process.env.MEMBERS ?? 200);
const CONNECTIONS = 20;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const folder = mkdtempSync(join(tmpdir(), 'halo-writes-bench-'));
const sqlitePath = join(folder, 'writes.sqlite');

interface Load {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The server thread's busy time per request (event-loop utilisation × time / requests). */
  busyMs: number;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** The two single writes, and one list read (`GET /members?limit=50`). */
type Route = 'purchases' | 'mentions' | 'members';

/** What one run of the load generator is told. */
interface LoadPlan {
  target: Target;
  route: Route;
  /** Keys (externalId, url, Idempotency-Key) start with it: the app's and the bare run's differ. */
  prefix: string;
  memberIds: string[];
  occurredAt: string;
  first: number;
  count: number;
  connections: number;
}

/**
 * The load generator, run in a worker thread so that it has its own core and does not share the
 * server's event loop: `count` POSTs from `connections` loops over one keep-alive Agent
 * (maxSockets = connections); each must answer 201. Bodies as a shop and a social listener send
 * them: unique keys from `first` on (a warm-up and a measured run never share one), every other
 * request with an Idempotency-Key. Self-contained: it runs from its source text.
 */
function loadGenerator(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } =
    require('node:worker_threads') as typeof import('node:worker_threads');
  const http = require('node:http') as typeof import('node:http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const plan = workerData as LoadPlan;
  const platforms = ['instagram', 'tiktok', 'youtube', 'blog'];
  const bodyOf = (index: number): { body: string; headers: Record<string, string> } => {
    const headers: Record<string, string> =
      index % 2 === 0 ? { 'Idempotency-Key': `${plan.prefix}-${plan.route}-${index}` } : {};
    const members = plan.memberIds;
    const body =
      plan.route === 'purchases'
        ? {
            externalId: `${plan.prefix}-order-${index}`,
            memberId: members[index % members.length],
            amount: `${10 + (index % 90)}.90`,
            currency: 'EUR',
            occurredAt: plan.occurredAt,
            product: 'Trail shoes',
          }
        : {
            platform: platforms[index % platforms.length],
            handle: `@${plan.prefix}${index % (members.length * 2)}`,
            url: `https://social.example/${plan.prefix}/p/${index}`,
            postedAt: plan.occurredAt,
            reach: 100 + (index % 1000),
            likes: index % 50,
          };
    return { body: JSON.stringify(body), headers };
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const read = plan.route === 'members';
  const path = read ? '/api/v1/members?limit=50' : `/api/v1/${plan.route}`;
  const send = (body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const post = http.request(`${plan.target.url}${path}`, {
        method: read ? 'GET' : 'POST',
        agent,
        headers: read
          ? plan.target.headers
          : {
              ...plan.target.headers,
              ...headers,
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
            },
      });
      post.on('response', (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('end', () =>
          resolve({ status: reply.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        reply.on('error', reject);
      });
      post.on('error', reject);
      post.end(read ? undefined : body);
    });
  const samples: number[] = [];
  let next = plan.first;
  const end = plan.first + plan.count;
  const loop = async () => {
    for (let index = next++; index < end; index = next++) {
      const { body, headers } = bodyOf(index);
      const started = performance.now();
      const answer = await send(body, headers);
      samples.push(performance.now() - started);
      if (answer.status !== (read ? 200 : 201))
        throw new Error(
          `${path} #${index} answered ${answer.status}: ${answer.text.slice(0, 300)}`,
        );
    }
  };
  const started = performance.now();
  Promise.all(Array.from({ length: plan.connections }, loop)).then(
    () => {
      agent.destroy();
      parentPort!.postMessage({ samples, seconds: (performance.now() - started) / 1000 });
    },
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
}

async function drive(plan: LoadPlan): Promise<Load> {
  const worker = new Worker(`(${loadGenerator.toString()})()`, { eval: true, workerData: plan });
  const before = performance.eventLoopUtilization();
  try {
    const answer = await new Promise<{ samples: number[]; seconds: number; error?: string }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    if (answer.error) throw new Error(answer.error);
    const busy = performance.eventLoopUtilization(before).active;
    const round = (value: number) => Number(value.toFixed(2));
    return {
      requests: plan.count,
      seconds: round(answer.seconds),
      perSecond: Math.round(plan.count / answer.seconds),
      p50: round(percentile(answer.samples, 0.5)),
      p99: round(percentile(answer.samples, 0.99)),
      busyMs: Number((busy / plan.count).toFixed(3)),
    };
  } finally {
    await worker.terminate();
  }
}

const occurredAt = new Date(Date.now() - 86_400_000).toISOString();

/** A warm-up, then the measured run on keys of its own. */
async function measure(target: Target, route: Route, prefix: string, memberIds: string[]) {
  const plan = { target, route, prefix, memberIds, occurredAt, connections: CONNECTIONS };
  if (WARMUP > 0) await drive({ ...plan, first: 0, count: WARMUP });
  return drive({ ...plan, first: WARMUP, count: REQUESTS });
}

async function startApp(): Promise<{ app: INestApplication; target: Target }> {
  Object.assign(process.env, { SQLITE_PATH: sqlitePath, HALO_ADMIN_KEY: ADMIN_KEY });
  delete process.env.DATABASE_URL;
  const { AppModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/configure-app');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    target: { url: await app.getUrl(), headers: { Authorization: `Bearer ${ADMIN_KEY}` } },
  };
}

/** Members created through the API, as a shop's sign-ups are. */
async function createMembers(target: Target): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < MEMBERS; index += 1) {
    const response = await fetch(`${target.url}/api/v1/members`, {
      method: 'POST',
      headers: { ...target.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `Member ${index}`,
        email: `m${index}@example.com`,
        externalId: `m-${index}`,
      }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`member ${index}: ${response.status} ${text}`);
    ids.push((JSON.parse(text) as { id: string }).id);
  }
  return ids;
}

/**
 * The bare server: parses the JSON, runs the one INSERT with a prepared statement, answers 201
 * with the row's id. What any server must do for a write, without the rules.
 */
function bareServer(): Promise<{ server: Server; db: BetterSqlite3.Database; target: Target }> {
  const db = new BetterSqlite3(sqlitePath, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  const purchase = db.prepare(
    "INSERT INTO purchases (id, external_id, member_id, kind, amount_minor, currency, base_amount_minor, rate, occurred_at, product, created_at) VALUES (?, ?, ?, 'order', ?, ?, ?, '1', ?, ?, ?)",
  );
  const mention = db.prepare(
    'INSERT INTO mentions (id, platform, handle, handle_normalized, url, url_normalized, posted_at, reach, likes, shares, comments, clicks, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)',
  );
  const insert: Record<string, (body: Record<string, unknown>) => string> = {
    '/api/v1/purchases': (body) => {
      const id = randomUUID();
      const minor = Math.round(Number(body.amount) * 100);
      purchase.run(
        id,
        body.externalId,
        body.memberId,
        minor,
        body.currency,
        minor,
        Date.parse(body.occurredAt as string),
        body.product ?? null,
        Date.now(),
      );
      return id;
    },
    '/api/v1/mentions': (body) => {
      const id = randomUUID();
      const handle = String(body.handle).replace(/^@/, '');
      const now = Date.now();
      mention.run(
        id,
        body.platform,
        handle,
        handle.toLowerCase(),
        body.url,
        body.url,
        Date.parse(body.postedAt as string),
        body.reach ?? 0,
        body.likes ?? 0,
        now,
        now,
      );
      return id;
    },
  };
  const page = db.prepare(
    'SELECT id, external_id, email, name, referral_code, acquired_at, created_at, updated_at FROM members ORDER BY created_at, id LIMIT 50',
  );
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/api/v1/members?limit=50') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ items: page.all(), nextCursor: null }));
        return;
      }
      const write = insert[req.url ?? ''];
      if (req.method !== 'POST' || !write) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
        const answer = JSON.stringify({ id: write(body), ...body });
        res.writeHead(201, { 'Content-Type': 'application/json' }).end(answer);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, db, target: { url: `http://127.0.0.1:${port}`, headers: {} } });
    }),
  );
}

const show = (label: string, load: Load) =>
  console.log(
    `${label.padEnd(34)} ${String(load.perSecond).padStart(6)} req/s   p50 ${load.p50.toFixed(1).padStart(6)} ms   p99 ${load.p99.toFixed(1).padStart(6)} ms   busy ${load.busyMs.toFixed(2)} ms a request (${load.requests} in ${load.seconds} s)`,
  );

async function main(): Promise<void> {
  const { app, target } = await startApp();
  const members = await createMembers(target);
  console.log(
    `${MEMBERS} members; ${REQUESTS} requests a route (after ${WARMUP} to warm up), ${CONNECTIONS} connections, SQLite`,
  );
  const halo = {
    purchases: await measure(target, 'purchases', 'app', members),
    mentions: await measure(target, 'mentions', 'app', members),
    members: await measure(target, 'members', 'app', members),
  };
  show('Halo POST /purchases', halo.purchases);
  show('Halo POST /mentions', halo.mentions);
  show('Halo GET /members?limit=50', halo.members);
  await app.close();

  const bare = await bareServer();
  const baseline = {
    purchases: await measure(bare.target, 'purchases', 'bare', members),
    mentions: await measure(bare.target, 'mentions', 'bare', members),
    members: await measure(bare.target, 'members', 'bare', members),
  };
  show('bare node:http POST /purchases', baseline.purchases);
  show('bare node:http POST /mentions', baseline.mentions);
  show('bare node:http GET /members', baseline.members);
  await new Promise((resolve) => bare.server.close(resolve));
  bare.db.close();

  const figures: BenchFigure[] = [];
  for (const route of ['purchases', 'mentions'] as const) {
    const ours = halo[route];
    const theirs = baseline[route];
    const note = `${REQUESTS} requests, ${CONNECTIONS} connections, half with an Idempotency-Key; SQLite`;
    console.log(`${route}: ${(ours.perSecond / theirs.perSecond).toFixed(3)}x bare`);
    figures.push(
      {
        figure: `POST /${route} (20 connections)`,
        value: ours.perSecond,
        unit: 'req/s',
        baseline: theirs.perSecond,
        baselineLabel: 'bare node:http + prepared INSERT',
        better: 'higher',
        target: '>= 2000 req/s',
        note,
      },
      {
        figure: `POST /${route} p50`,
        value: ours.p50,
        unit: 'ms',
        baseline: theirs.p50,
        baselineLabel: 'bare node:http p50',
        better: 'lower',
        note,
      },
      {
        figure: `POST /${route} p99`,
        value: ours.p99,
        unit: 'ms',
        baseline: theirs.p99,
        baselineLabel: 'bare node:http p99',
        better: 'lower',
        target: 'p99 < 30 ms',
        note,
      },
      {
        figure: `POST /${route} against bare`,
        value: Number((ours.perSecond / theirs.perSecond).toFixed(3)),
        unit: 'x',
        better: 'higher',
        target: '>= 0.1x bare',
        note,
      },
    );
  }
  const note = `${REQUESTS} requests, ${CONNECTIONS} connections, ${MEMBERS} members; SQLite`;
  figures.push(
    {
      figure: 'GET /members?limit=50 (20 connections)',
      value: halo.members.perSecond,
      unit: 'req/s',
      baseline: baseline.members.perSecond,
      baselineLabel: 'bare node:http + prepared SELECT of 50 rows',
      better: 'higher',
      target: '>= 2000 req/s',
      note,
    },
    {
      figure: 'GET /members?limit=50 p99',
      value: halo.members.p99,
      unit: 'ms',
      baseline: baseline.members.p99,
      baselineLabel: 'bare node:http p99',
      better: 'lower',
      note,
    },
  );
  writeBenchFigures('writes', figures);
  rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
