import 'reflect-metadata';
import { HaloSettings } from '../../config/halo-settings';
import { serveWorkerJob } from '../../database/workers/serve-worker-job';
import { helpWithRun } from './help-with-run';

interface WorkerInput {
  settings: Pick<HaloSettings, 'database'>;
  runId: string;
  holder: string;
  leaseMs: number;
}

/** Another instance's run: its free chunks valued on this thread's own connection. */
serveWorkerJob<WorkerInput, number>((dataSource, { runId, holder, leaseMs }) =>
  helpWithRun(dataSource, runId, holder, leaseMs),
);
