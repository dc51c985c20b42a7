import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  /** Environment for the app under test: SQLITE_PATH, or DATABASE_URL of a fresh database. */
  environment: Record<string, string>;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/** PostgreSQL refuses to copy a template that another backend is copying or connected to. */
const TEMPLATE_BUSY = '55006';

/**
 * A fresh database for one test file: a temporary SQLite file, or, when TEST_DATABASE_URL is
 * set, a new PostgreSQL database created from it and dropped afterwards. Both start as a copy
 * of the run's migrated template (test/setup/global-setup.js), so no test file migrates.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const folder = mkdtempSync(join(tmpdir(), 'halo-test-'));
    const file = join(folder, 'halo.sqlite');
    const template = process.env.HALO_TEST_SQLITE_TEMPLATE;
    if (template) copyFileSync(template, file);
    return {
      kind: 'sqlite',
      environment: { SQLITE_PATH: file },
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `halo_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = process.env.HALO_TEST_POSTGRES_TEMPLATE;
  await createPostgresDatabase(adminUrl, name, template);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    environment: { DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function createPostgresDatabase(
  adminUrl: string,
  name: string,
  template: string | undefined,
): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
        return;
      } catch (error) {
        const busy = (error as { code?: string }).code === TEMPLATE_BUSY;
        if (!busy || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end();
  }
}
