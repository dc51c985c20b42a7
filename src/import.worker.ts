import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { parentPort, threadId } from 'node:worker_threads';
import { createLogger } from './common/http/halo-logger';
import { serveWorker } from './common/workers/run-in-worker';
import { HaloSettings } from './config/halo-settings';
import { ImportPipeline } from './imports/import-pipeline.service';
import { receiveBody } from './imports/worker/body-transfer';
import {
  ABORT_IMPORT,
  ImportWorkerInput,
  ImportWorkerOutcome,
} from './imports/worker/import-worker-job';
import { ImportWorkerModule } from './import-worker.module';

/**
 * One HTTP import in its own thread: the same pipeline as on the main thread, on this thread's
 * connection and application context, reading the body the main thread streams over.
 */
serveWorker<ImportWorkerInput, ImportWorkerOutcome>(async (input) => {
  // Listening at once, so that no chunk is missed while the context starts.
  const body = receiveBody(parentPort!);
  const abort = new AbortController();
  const onAbort = (message: { type?: unknown }) => {
    if (message.type === ABORT_IMPORT) abort.abort();
  };
  parentPort!.on('message', onAbort);
  try {
    const settings = plainToInstance(HaloSettings, input.settings);
    const level = settings.server.logLevel;
    // The context's start-up lines would repeat on every import: warnings and errors only.
    const app = await NestFactory.createApplicationContext(
      ImportWorkerModule.forSettings(settings),
      { logger: createLogger(level === 'error' ? level : 'warn'), abortOnError: false },
    );
    app.useLogger(createLogger(level));
    try {
      const result = await app.get(ImportPipeline).run(input.type, input.format, body.chunks, {
        maxBytes: input.maxBytes,
        csv: input.csv,
        charset: input.charset,
        runId: input.runId,
        dryRun: input.dryRun,
        signal: abort.signal,
      });
      return { result, threadId };
    } finally {
      await app.close();
    }
  } finally {
    parentPort!.off('message', onAbort);
    body.close();
  }
});
