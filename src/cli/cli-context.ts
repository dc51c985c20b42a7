import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { createLogger } from '../common/http/halo-logger';
import { SettingsError, loadSettings } from '../config/load-settings';

/** The app's services without the HTTP server, for one CLI command. */
export async function withAppContext<T>(
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const settings = loadSettings(process.env);
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: createLogger(settings.server.logLevel === 'log' ? 'warn' : settings.server.logLevel),
  });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Runs a command action and turns errors into a message and an exit code, never a stack trace. */
export function action<Args extends unknown[]>(run: (...args: Args) => Promise<number | void>) {
  return async (...args: Args): Promise<void> => {
    try {
      process.exitCode = (await run(...args)) ?? 0;
    } catch (error) {
      if (error instanceof SettingsError) {
        process.stderr.write(`halo: ${error.message}\n`);
        process.exitCode = 78;
        return;
      }
      process.stderr.write(`halo: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  };
}
