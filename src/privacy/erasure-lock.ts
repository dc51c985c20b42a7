import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { LeaseService } from '../database/lease.service';
import { ERASURE_LEASE, runningImports } from '../imports/import-leases';
import { RECOMPUTE_LEASE, RECOMPUTE_LEASE_MS } from '../value/recompute-lock';
import { ValueRun } from '../value/value-run.entity';
import { PrivacyErrorCode } from './privacy-error-code';

const POLL_MS = 100;
const RENEW_EVERY_MS = 15_000;

/**
 * An erasure never runs beside a recompute or an import (DESIGN.md, Erasure), on any instance:
 * it takes the erasure lease (imports wait while it is held), then the recompute's own lease
 * under a holder of its own (a recompute of this instance is excluded too), then waits until no
 * import holds a lease. Whatever is still running after `privacy.erasureLockWaitSeconds` makes
 * it 409 ERASURE_BLOCKED, naming the run or the imports.
 */
@Injectable()
export class ErasureLock {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leases: LeaseService,
    private readonly settings: HaloSettings,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const holder = `erasure:${process.pid}:${randomUUID().slice(0, 8)}`;
    const deadline = Date.now() + this.settings.privacy.erasureLockWaitSeconds * 1000;
    const held: string[] = [];
    const renewal = setInterval(() => {
      for (const name of held)
        void this.leases.acquire(name, RECOMPUTE_LEASE_MS, Date.now(), holder).catch(() => 0);
    }, RENEW_EVERY_MS);
    renewal.unref();
    try {
      await this.take(ERASURE_LEASE, holder, deadline, () => this.blockedByErasure());
      held.push(ERASURE_LEASE);
      await this.take(RECOMPUTE_LEASE, holder, deadline, () => this.blockedByRecompute());
      held.push(RECOMPUTE_LEASE);
      await this.failAbandonedRuns();
      while ((await runningImports(this.dataSource)) > 0) {
        if (Date.now() >= deadline) throw await this.blockedByImports();
        await delay(POLL_MS);
      }
      return await work();
    } finally {
      clearInterval(renewal);
      for (const name of held.reverse()) await this.leases.release(name, holder);
    }
  }

  private async take(
    name: string,
    holder: string,
    deadline: number,
    blocked: () => Promise<DomainError>,
  ): Promise<void> {
    while (!(await this.leases.acquire(name, RECOMPUTE_LEASE_MS, Date.now(), holder))) {
      if (Date.now() >= deadline) throw await blocked();
      await delay(POLL_MS);
    }
  }

  /** With the recompute lease in hand, a run still `running` belongs to a stopped instance. */
  private async failAbandonedRuns(): Promise<void> {
    await this.dataSource.getRepository(ValueRun).update(
      { status: 'running' },
      {
        status: 'failed',
        finishedAt: Date.now(),
        error: 'abandoned: the instance running it stopped before it finished',
      },
    );
  }

  private async blockedByRecompute(): Promise<DomainError> {
    const running = await this.dataSource
      .getRepository(ValueRun)
      .findOne({ where: { status: 'running' }, order: { startedAt: 'DESC' } });
    const what = running ? `a recompute (run ${running.id})` : 'a recompute';
    return blocked(`${what} is running`, running ? `run ${running.id}` : 'recompute');
  }

  private async blockedByImports(): Promise<DomainError> {
    const count = await runningImports(this.dataSource);
    return blocked(`${count} import(s) are running`, 'imports');
  }

  private blockedByErasure(): Promise<DomainError> {
    return Promise.resolve(blocked('another erasure is running', 'erasure'));
  }
}

function blocked(what: string, reason: string): DomainError {
  return new DomainError(
    'conflict',
    PrivacyErrorCode.ERASURE_BLOCKED,
    `${what}; an erasure waits for it, and it did not finish in time: try again when it has finished`,
    [{ field: 'id', reason: `blocked by ${reason}`, code: 'erasureBlocked' }],
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
