import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { LeaseService } from '../database/lease.service';
import { discardSnapshots } from './snapshot-publisher';
import { ValueErrorCode } from './value-error-code';
import { ValueRun } from './value-run.entity';

/** The lease every recompute holds while it runs, across instances (one row, one holder). */
export const RECOMPUTE_LEASE = 'value-recompute-run';
/** A holder that stops renewing (killed, frozen) loses the lease after this long. */
export const RECOMPUTE_LEASE_MS = 60_000;
const RENEW_EVERY_MS = 15_000;
const JOIN_POLL_MS = 200;

export type Entry = { kind: 'run'; release: () => Promise<void> } | { kind: 'join'; run: ValueRun };

/**
 * One recompute at a time (DESIGN.md, Recompute lock). A request finds either the lease free:
 * it takes it, and runs left `running` by an instance that died (their lease expired) are
 * marked failed; or a run going on: a request for the same asOf (or for "now") joins it and
 * answers its outcome, another asOf is 409 RECOMPUTE_IN_PROGRESS naming the running run.
 */
export class RecomputeLock {
  constructor(
    private readonly dataSource: DataSource,
    private readonly leases: LeaseService,
  ) {}

  /** True while this instance runs a recompute: its lease alone would let it in again. */
  private held = false;

  async enter(asOf: number | undefined): Promise<Entry> {
    const runs = this.dataSource.getRepository(ValueRun);
    if (!this.held && (await this.take())) {
      await this.failAbandonedRuns();
      const renewal = setInterval(() => {
        void this.leases.acquire(RECOMPUTE_LEASE, RECOMPUTE_LEASE_MS).catch(() => undefined);
      }, RENEW_EVERY_MS);
      renewal.unref();
      return {
        kind: 'run',
        release: async () => {
          clearInterval(renewal);
          this.held = false;
          await this.leases.release(RECOMPUTE_LEASE);
        },
      };
    }
    const running = await runs.findOne({
      where: { status: 'running' },
      order: { startedAt: 'DESC' },
    });
    // The holder has not inserted its run yet, or has just finished: try again shortly.
    if (!running) {
      await delay(JOIN_POLL_MS);
      return this.enter(asOf);
    }
    if (asOf !== undefined && asOf !== running.asOf) {
      throw new DomainError(
        'conflict',
        ValueErrorCode.RECOMPUTE_IN_PROGRESS,
        `a recompute as of ${new Date(running.asOf).toISOString()} is running (run ${running.id}); try again when it has finished`,
        [
          {
            field: 'asOf',
            reason: `run ${running.id} is computing another asOf`,
            code: 'inProgress',
          },
        ],
      );
    }
    return { kind: 'join', run: await this.outcome(running.id) };
  }

  /** Runs left `running` by an instance that died: failed, their unpublished rows deleted. */
  private async failAbandonedRuns(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const runs = manager.getRepository(ValueRun);
      const abandoned = await runs.find({ select: { id: true }, where: { status: 'running' } });
      if (!abandoned.length) return;
      await discardSnapshots(
        manager,
        abandoned.map((run) => run.id),
      );
      await runs.update(
        { status: 'running' },
        {
          status: 'failed',
          finishedAt: Date.now(),
          error: 'abandoned: the instance running it stopped before it finished',
        },
      );
    });
  }

  /** Marks this instance as the runner first, so that a request in the same tick waits. */
  private async take(): Promise<boolean> {
    this.held = true;
    try {
      if (await this.leases.acquire(RECOMPUTE_LEASE, RECOMPUTE_LEASE_MS)) return true;
    } catch (error) {
      this.held = false;
      throw error;
    }
    this.held = false;
    return false;
  }

  private async outcome(runId: string): Promise<ValueRun> {
    const runs = this.dataSource.getRepository(ValueRun);
    for (;;) {
      const run = await runs.findOneByOrFail({ id: runId });
      if (run.status !== 'running') return run;
      await delay(JOIN_POLL_MS);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
