import 'reflect-metadata';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { createLogger } from './common/http/halo-logger';
import { HaloSettings } from './config/halo-settings';
import { SettingsError, loadSettings } from './config/load-settings';
import { configureApp } from './configure-app';

/** Settings from config/ and the environment, or exit 78 naming the bad setting. */
export function settingsOrExit(): HaloSettings {
  try {
    return loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`Halo cannot start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/** Starts the HTTP service and closes it gracefully on SIGTERM/SIGINT. */
export async function startServer(settings: HaloSettings): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: createLogger(settings.server.logLevel),
  });
  configureApp(app);
  // A large import streams for longer than Node's default 5-minute request timeout.
  app.getHttpServer().requestTimeout = 0;
  await app.listen(settings.server.port, settings.server.host);
  closeOnSignals(app);
  createLogger(settings.server.logLevel).log(
    `Halo listens on ${boundUrl(app)} (docs at /docs${settings.server.docsPublic ? '' : ', with a key'})`,
    'Bootstrap',
  );
  return app;
}

/** The address actually bound (app.getUrl() says 127.0.0.1 for 0.0.0.0). */
export function boundUrl(app: NestExpressApplication): string {
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, close the
 * database (Nest closes the HTTP server before the TypeORM module shuts down), exit 0.
 */
function closeOnSignals(app: NestExpressApplication): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const logger = createLogger();
    logger.log(`${signal} received: finishing in-flight requests`, 'Shutdown');
    app
      .close()
      .then(() => {
        logger.log('closed', 'Shutdown');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`, undefined, 'Shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}
