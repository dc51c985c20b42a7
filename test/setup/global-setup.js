// @ts-check
/**
 * Once per jest run, before any test file: builds dist/ (incrementally: workers, spawned servers
 * and the CLI run the built code), then migrates a template database that every test file copies
 * instead of migrating its own: a SQLite file, and with TEST_DATABASE_URL a PostgreSQL database
 * cloned with CREATE DATABASE … TEMPLATE. Set HALO_TEST_BUILT=true where dist/ is already built
 * (CI builds once for both database runs).
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { URL } = require('node:url');

const ROOT = join(__dirname, '..', '..');

module.exports = async function globalSetup() {
  if (process.env.HALO_TEST_BUILT !== 'true') {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    require('../../tools/prune-dist');
  }
  const sqlite = join(mkdtempSync(join(tmpdir(), 'halo-template-')), 'template.sqlite');
  migrate({ SQLITE_PATH: sqlite });
  process.env.HALO_TEST_SQLITE_TEMPLATE = sqlite;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `halo_template_${process.pid}`;
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    migrate({ DATABASE_URL: url.toString() });
    process.env.HALO_TEST_POSTGRES_TEMPLATE = name;
  }
};

/** The operator's own command, `cli migrate`, from dist/. */
function migrate(/** @type {Record<string, string>} */ environment) {
  execFileSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'migrate'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** One statement on the administration connection. */
async function adminQuery(/** @type {string} */ url, /** @type {string} */ sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
module.exports.adminQuery = adminQuery;
