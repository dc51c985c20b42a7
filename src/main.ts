import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { createLogger } from './common/http/halo-logger';
import { HaloSettings } from './config/halo-settings';
import { SettingsError, loadSettings } from './config/load-settings';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  let settings: HaloSettings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`Halo cannot start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: createLogger(settings.server.logLevel),
  });
  configureApp(app);
  await app.listen(settings.server.port, '0.0.0.0');
  createLogger(settings.server.logLevel).log(
    `Halo listens on ${await app.getUrl()} (docs at /docs)`,
    'Bootstrap',
  );
}

void bootstrap();
