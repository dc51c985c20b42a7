import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/configure-app';
import { ADMIN_KEY, TestApp } from './test-app';

/**
 * Another instance of Halo on the first test app's database (the same SQLite file or
 * PostgreSQL database), as a second process would be. Closing it leaves the database alone.
 */
export async function startSecondInstance(
  first: TestApp,
  environment: Record<string, string> = {},
): Promise<INestApplication> {
  const variables = {
    HALO_ADMIN_KEY: ADMIN_KEY,
    LOG_LEVEL: 'warn',
    ...first.database.environment,
    ...environment,
  };
  const names = [...new Set(['SQLITE_PATH', 'DATABASE_URL', ...Object.keys(variables)])];
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  delete process.env.SQLITE_PATH;
  delete process.env.DATABASE_URL;
  Object.assign(process.env, variables);
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: ['error', 'warn'],
    });
    configureApp(app);
    await app.init();
    return app;
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
