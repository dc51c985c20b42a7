import 'reflect-metadata';
import {
  ActivitySummaries,
  AssessmentSettings,
  summarizeActivity,
} from '../advocates/advocate-assessment';
import { HaloSettings } from '../config/halo-settings';
import { serveWorkerJob } from '../database/workers/serve-worker-job';

interface WorkerInput {
  settings: Pick<HaloSettings, 'database'>;
  engagement: AssessmentSettings['engagement'];
  asOf: number;
}

/**
 * The activity half of a recompute on a second connection and core: SQLite runs one query at
 * a time per connection, so the engagement sums run here while the recompute's own thread
 * loads purchases and values members.
 */
serveWorkerJob<WorkerInput, ActivitySummaries>((dataSource, { engagement, asOf }) =>
  summarizeActivity(dataSource, engagement, asOf),
);
