import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parentPort, workerData } from 'node:worker_threads';
import { dataSourceOptions } from '../database/data-source-options';
import { HaloSettings } from '../config/halo-settings';
import { JobSettings, executeRecompute } from './recompute-job';

interface WorkerInput {
  settings: JobSettings;
  runId: string;
  asOf: number;
}

/** A recompute on its own connection, so the API, /health and the crons keep answering. */
async function main(): Promise<void> {
  const { settings, runId, asOf } = workerData as WorkerInput;
  const dataSource = new DataSource(dataSourceOptions(settings as HaloSettings));
  await dataSource.initialize();
  try {
    const outcome = await executeRecompute(
      dataSource,
      settings,
      runId,
      asOf,
      (stage, done, total) => parentPort!.postMessage({ type: 'progress', stage, done, total }),
    );
    parentPort!.postMessage({ type: 'done', result: outcome });
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  parentPort!.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  });
});
