import 'reflect-metadata';
import { HaloSettings } from '../../config/halo-settings';
import { serveWorkerJob } from '../../database/workers/serve-worker-job';
import { runModelValidation } from './model-validation.job';

interface WorkerInput {
  settings: Pick<HaloSettings, 'value' | 'money' | 'database'>;
  asOf: number;
  until: number;
}

/** A backtest on its own connection, so that the API and /health keep answering meanwhile. */
serveWorkerJob<WorkerInput, unknown>((dataSource, { settings, asOf, until }) =>
  runModelValidation(dataSource, settings, asOf, until),
);
