import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { startWorker } from '../../common/workers/run-in-worker';
import { HaloSettings } from '../../config/halo-settings';
import { rawQuery } from '../../database/sql';
import { LeaseService } from '../../database/lease.service';
import { RecomputeService } from '../recompute.service';
import { helpWithRun } from './help-with-run';

/** How often an instance looks for chunks of a run another instance started. */
const POLL_MS = 500;

/**
 * Several instances on one database share a recompute: each looks for a running run with a
 * pending chunk whose lease is free or expired, and values its chunks in a worker thread (its
 * own connection) until none is left. The run's own instance values chunks itself.
 */
@Injectable()
export class RecomputeHelperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecomputeHelperService.name);
  private timer: NodeJS.Timeout | null = null;
  private helping: Promise<void> | null = null;
  private worker: Worker | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
    private readonly leases: LeaseService,
    private readonly recompute: RecomputeService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.value.recomputeHelp) return;
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A chunk left half done is valued again by another instance once its lease expires.
    await this.worker?.terminate();
    await this.helping;
  }

  private async poll(): Promise<void> {
    if (this.helping || this.stopped) return;
    const runId = await this.runNeedingHelp().catch(() => null);
    if (!runId || this.stopped) return;
    const holder = `${this.leases.holder}:help`;
    const leaseMs = this.settings.value.recomputeChunkLeaseMs;
    this.helping = this.help(runId, holder, leaseMs)
      .then(
        (chunks) => {
          if (chunks) this.logger.log({ runId, helpedChunks: chunks });
        },
        (error: unknown) => this.logger.warn({ runId, helpFailed: String(error) }),
      )
      .finally(() => {
        this.helping = null;
        this.worker = null;
      });
  }

  private help(runId: string, holder: string, leaseMs: number): Promise<number> {
    if (!this.settings.value.recomputeInWorker)
      return helpWithRun(this.dataSource, runId, holder, leaseMs);
    const started = startWorker<number>(__dirname, 'recompute-helper.worker', {
      settings: JSON.parse(JSON.stringify({ database: this.settings.database })) as object,
      runId,
      holder,
      leaseMs,
    });
    this.worker = started.worker;
    return started.result;
  }

  /**
   * A running run, not this instance's, with chunks not yet done (held or not: the worker waits
   * for free or expired ones until all are done).
   */
  private async runNeedingHelp(): Promise<string | null> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT c.run_id AS run_id FROM value_run_chunks c JOIN value_runs r ON r.id = c.run_id
        WHERE c.status = 'pending' AND r.status = 'running' AND r.id <> :own
        LIMIT 1`,
      { own: this.recompute.runningRunId ?? '' },
    );
    return rows[0]?.string('run_id') ?? null;
  }
}
