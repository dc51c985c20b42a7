import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startWorker } from '../../common/workers/run-in-worker';
import { HaloSettings } from '../../config/halo-settings';
import { ImportResult } from '../import-result';
import { sendBody } from './body-transfer';
import { ABORT_IMPORT, ImportWorkerInput, ImportWorkerOutcome } from './import-worker-job';

/**
 * Imports in worker threads: each import gets a thread with its own connection and its own
 * application context (ImportWorkerModule), started with this app's settings; the main thread
 * only streams the body to it and waits for the result, so it stays free for other requests.
 */
@Injectable()
export class ImportWorkers implements OnApplicationShutdown {
  private readonly logger = new Logger(ImportWorkers.name);
  private readonly running = new Set<Worker>();

  constructor(private readonly settings: HaloSettings) {}

  async run(
    job: Omit<ImportWorkerInput, 'settings'>,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<ImportResult> {
    const input: ImportWorkerInput = { settings: this.settings, ...job };
    // The worker's entry and its module are root files of src/, composition roots like app.module.ts.
    const { worker, result } = startWorker<ImportWorkerOutcome>(
      join(__dirname, '..', '..'),
      'import.worker',
      input,
    );
    this.running.add(worker);
    worker.once('exit', () => this.running.delete(worker));
    const stopSending = sendBody(body, worker);
    // The worker stops before its next batch, and a read waiting for the body breaks off.
    const onAbort = () => {
      worker.postMessage({ type: ABORT_IMPORT });
      worker.postMessage({ type: 'broken', reason: 'the client went away' });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const outcome = await result;
      this.logger.debug(`import of ${job.type} ran in worker thread ${outcome.threadId}`);
      return outcome.result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      stopSending();
    }
  }

  /**
   * On close, an import in a worker finishes: it is a request in flight, and Nest stops taking
   * connections and waits for those in flight before these hooks run, so it is answered like
   * any other request rather than failed half-way (a re-run would be safe, but the client would
   * have to make it). Past the operator's grace period a SIGKILL ends the process, and the open
   * batch dies with its connection, uncommitted. A worker still here ran for a request the
   * server no longer waits for (an app closed without listening): it is terminated, which
   * closes its connection and so rolls its open batch back.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running].map((worker) => worker.terminate()));
  }
}
