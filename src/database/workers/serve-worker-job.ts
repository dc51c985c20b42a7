import { DataSource } from 'typeorm';
import { serveWorker } from '../../common/workers/run-in-worker';
import { HaloSettings } from '../../config/halo-settings';
import { dataSourceOptions } from '../data-source-options';

/**
 * serveWorker for jobs on a bare connection: opens the worker's own connection from
 * `workerData.settings.database` (every entity file, as the thread has no Nest app), runs the
 * job on it and closes it either way.
 */
export function serveWorkerJob<Input extends { settings: Pick<HaloSettings, 'database'> }, Result>(
  job: (dataSource: DataSource, input: Input, post: (message: unknown) => void) => Promise<Result>,
): void {
  serveWorker<Input, Result>(async (input, post) => {
    const dataSource = new DataSource(dataSourceOptions(input.settings));
    await dataSource.initialize();
    try {
      return await job(dataSource, input, post);
    } finally {
      await dataSource.destroy();
    }
  });
}
