import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { dataSourceOptions } from '../../database/data-source-options';
import { runModelValidation } from './model-validation.job';

interface WorkerInput {
  settings: Pick<HaloSettings, 'value' | 'money' | 'database'>;
  asOf: number;
  until: number;
}

/** A backtest on its own connection, so that the API and /health keep answering meanwhile. */
async function main(): Promise<void> {
  const { settings, asOf, until } = workerData as WorkerInput;
  const dataSource = new DataSource(dataSourceOptions(settings as HaloSettings));
  await dataSource.initialize();
  try {
    const result = await runModelValidation(dataSource, settings, asOf, until);
    parentPort!.postMessage({ type: 'done', result });
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
