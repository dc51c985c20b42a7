import { existsSync, rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../auth/api-keys.service';
import { sqliteFile } from '../database/data-source-options';
import { settingsOrExit, startServer } from '../server';
import { RecomputeService } from '../value/recompute.service';
import { generateDemoCommunity } from './demo-community';
import { seedDemo } from './seed-demo';
import { recomputeHistory } from './value-history';

const DEMO_DATABASE = 'data/demo.sqlite';
const DEMO_MEMBERS = Number(process.env.DEMO_MEMBERS ?? 3000);

/**
 * `npm run demo`: Halo on a fresh SQLite file filled with a generated community, values
 * valued over six months of history, and viewer, manager and admin keys printed next to the
 * dashboard address.
 */
async function demo(): Promise<void> {
  process.env.SQLITE_PATH ??= DEMO_DATABASE;
  delete process.env.DATABASE_URL;
  const file = sqliteFile(process.env.SQLITE_PATH);
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(`${file}${suffix}`)) rmSync(`${file}${suffix}`);
  const settings = settingsOrExit();
  const app = await startServer(settings);
  const started = Date.now();
  const counts = await seedDemo(
    app.get(DataSource),
    generateDemoCommunity(DEMO_MEMBERS, Date.now()),
  );
  const run = await recomputeHistory(app.get(RecomputeService), Date.now(), (done) =>
    process.stdout.write(`valued as of ${done.asOfDate}: ${done.status}\n`),
  );
  const keys = app.get(ApiKeysService);
  const { secret } = await keys.create('demo viewer', 'viewer');
  const { secret: managerSecret } = await keys.create('demo manager', 'manager');
  const { secret: adminSecret } = await keys.create('demo admin', 'admin');
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  process.stdout.write(
    [
      '',
      `Halo demo is ready (${Math.round((Date.now() - started) / 1000)} s): ${Object.entries(counts)
        .map(([key, count]) => `${count} ${key}`)
        .join(', ')}.`,
      `Values: ${run.status} for ${run.members} members (model ${run.method}), with six months of history.`,
      '',
      `  Dashboard:    ${url}/`,
      `  Viewer key:   ${secret}`,
      `  Manager key:  ${managerSecret}`,
      `  Admin key:    ${adminSecret}   (keys, digests, erasure, audit)`,
      `  API docs:     ${url}/docs`,
      '',
      'Sign in to the dashboard with a key. Ctrl-C stops the demo.',
      '',
    ].join('\n'),
  );
}

void demo();
