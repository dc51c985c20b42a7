import 'reflect-metadata';
import { JobSettings, RecomputeOutcome, executeRecompute } from './recompute-job';
import { serveWorkerJob } from '../database/workers/serve-worker-job';

interface WorkerInput {
  settings: JobSettings;
  runId: string;
  asOf: number;
  holder: string;
}

/** A recompute on its own connection, so the API, /health and the crons keep answering. */
serveWorkerJob<WorkerInput, RecomputeOutcome>(
  (dataSource, { settings, runId, asOf, holder }, post) =>
    executeRecompute(dataSource, settings, runId, asOf, holder, (stage, done, total) =>
      post({ type: 'progress', stage, done, total }),
    ),
);
