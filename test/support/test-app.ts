import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { TestDatabase, createTestDatabase } from './test-database';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  http: () => TestAgent;
  /** Authorization header values by role. */
  keys: { admin: string; manager: string; viewer: string };
  close(): Promise<void>;
}

const SETTINGS_VARIABLES = [
  'SQLITE_PATH',
  'DATABASE_URL',
  'HALO_ADMIN_KEY',
  'LOG_LEVEL',
  'DIGEST_SCHEDULER',
];

/** The real AppModule on a fresh database, with an admin, a manager and a viewer key. */
export async function createTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const saved = new Map(
    Object.keys({
      ...environment,
      ...Object.fromEntries(SETTINGS_VARIABLES.map((name) => [name, ''])),
    }).map((name) => [name, process.env[name]]),
  );
  for (const name of SETTINGS_VARIABLES) delete process.env[name];
  Object.assign(
    process.env,
    // The digest timer (every minute) is off unless a test turns it on: tests fire the
    // scheduler themselves, and a stray tick competes with a worker thread for SQLite's lock.
    { HALO_ADMIN_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', DIGEST_SCHEDULER: 'false' },
    database.environment,
    environment,
  );
  let app: INestApplication;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: ['error', 'warn'],
    });
    configureApp(app);
    await app.init();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const http = () => request(app.getHttpServer());
  const keyFor = async (role: string) => {
    const response = await http()
      .post('/api/v1/api-keys')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ name: role, role });
    if (response.status !== 201)
      throw new Error(`cannot create ${role} key: ${JSON.stringify(response.body)}`);
    return `Bearer ${response.body.secret as string}`;
  };
  const keys = {
    admin: `Bearer ${ADMIN_KEY}`,
    manager: await keyFor('manager'),
    viewer: await keyFor('viewer'),
  };
  return {
    app,
    database,
    http,
    keys,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
