import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { invalidField } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { LeaseService } from '../database/lease.service';
import { RecomputeLock } from './recompute-lock';
import {
  JobSettings,
  Progress,
  RecomputeOutcome,
  asOfDate,
  executeRecompute,
} from './recompute-job';
import { runInWorker } from '../common/workers/run-in-worker';
import { ValueRun } from './value-run.entity';

/** Runs after a recompute succeeded (e.g. outbound webhooks); a failure is logged, never thrown. */
export type RunCompletedListener = (run: ValueRun) => Promise<void>;

/** Starts recomputes (API, CLI, schedule) and runs each in a worker thread. */
@Injectable()
export class RecomputeService {
  private readonly logger = new Logger(RecomputeService.name);
  private readonly completedListeners: RunCompletedListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
    private readonly leases: LeaseService,
  ) {
    this.lock = new RecomputeLock(dataSource, leases);
  }

  private readonly lock: RecomputeLock;
  /** The run this instance is computing, which its chunk helper leaves to it. */
  private current: string | null = null;

  get runningRunId(): string | null {
    return this.current;
  }

  onRunCompleted(listener: RunCompletedListener): void {
    this.completedListeners.push(listener);
  }

  async recompute(
    options: { asOf?: number; trigger: string },
    progress: Progress = () => undefined,
  ): Promise<ValueRun> {
    // Data after now cannot exist yet: a later asOf would value a future that is not there.
    if (options.asOf !== undefined && options.asOf > Date.now())
      throw invalidField('asOf', 'must not lie after now', 'future');
    const entry = await this.lock.enter(options.asOf);
    if (entry.kind === 'join') return entry.run;
    try {
      return await this.runLocked(options.asOf ?? Date.now(), options.trigger, progress);
    } finally {
      await entry.release();
    }
  }

  private async runLocked(asOf: number, trigger: string, progress: Progress): Promise<ValueRun> {
    const run = Object.assign(new ValueRun(), {
      id: randomUUID(),
      asOf,
      asOfDate: asOfDate(asOf),
      status: 'running',
      trigger,
      startedAt: Date.now(),
      finishedAt: null,
      durationMs: null,
      members: 0,
      method: null,
      model: null,
      error: null,
    });
    await this.dataSource.getRepository(ValueRun).insert(run);
    const jobSettings: JobSettings = {
      value: this.settings.value,
      money: this.settings.money,
      database: this.settings.database,
      advocates: this.settings.advocates,
    };
    this.current = run.id;
    try {
      const outcome = this.settings.value.recomputeInWorker
        ? await this.inWorker(jobSettings, run.id, asOf, progress)
        : await executeRecompute(this.dataSource, jobSettings, run.id, asOf, this.holder, progress);
      this.logger.log({ runId: run.id, asOf: new Date(asOf).toISOString(), ...outcome });
    } catch (error) {
      this.logger.error({ runId: run.id, error: String(error) });
    } finally {
      this.current = null;
    }
    const finished = await this.dataSource.getRepository(ValueRun).findOneByOrFail({ id: run.id });
    if (finished.status === 'succeeded')
      for (const listener of this.completedListeners)
        await listener(finished).catch((error: unknown) =>
          this.logger.error({ runId: run.id, listener: 'completed', error: String(error) }),
        );
    return finished;
  }

  /** This instance in the chunk leases of the runs it starts. */
  private get holder(): string {
    return `${this.leases.holder}:run`;
  }

  private inWorker(
    settings: JobSettings,
    runId: string,
    asOf: number,
    progress: Progress,
  ): Promise<RecomputeOutcome> {
    return runInWorker<RecomputeOutcome>(
      __dirname,
      'recompute.worker',
      { settings: JSON.parse(JSON.stringify(settings)), runId, asOf, holder: this.holder },
      (message) => {
        if (message.type === 'progress')
          progress(String(message.stage), Number(message.done), Number(message.total));
      },
    );
  }
}
