import { HttpException, HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, Like, MoreThanOrEqual } from 'typeorm';
import { Lease } from '../database/lease.entity';

/** The lease an erasure holds while it runs: no import starts meanwhile (DESIGN.md, Erasure). */
export const ERASURE_LEASE = 'privacy-erasure';
/** Each running import holds a lease row of its own, named with this prefix. */
export const IMPORT_LEASE_PREFIX = 'import-run:';
/** A holder that stops renewing (killed) lets go after this long. */
export const IMPORT_LEASE_MS = 60_000;
const RENEW_EVERY_MS = 15_000;
const POLL_MS = 100;
/** Seconds an import refused for a running erasure is told to wait. */
export const ERASURE_RETRY_AFTER_SECONDS = 5;

/**
 * The imports' side of the erasure lock, across processes (the CLI, other instances): a running
 * import holds a lease row; an import that finds an erasure running withdraws its row, waits
 * for the erasure to end (an erasure is short), then tries again. Both sides write their row
 * before they read the other's, so at least one of them sees the other.
 */
export class ImportLeases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly waitMs = 30_000,
  ) {}

  /** Runs `work` holding a lease named after `id` (the import run's id, when it keeps one). */
  async hold<T>(work: () => Promise<T>, id: string = randomUUID()): Promise<T> {
    const name = `${IMPORT_LEASE_PREFIX}${id}`;
    const leases = this.dataSource.getRepository(Lease);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      await leases.insert({ name, holder: name, expiresAt: Date.now() + IMPORT_LEASE_MS });
      if (!(await this.erasureRunning())) break;
      await leases.delete({ name });
      if (Date.now() >= deadline)
        throw new HttpException(
          `an erasure is running; retry in ${ERASURE_RETRY_AFTER_SECONDS} s`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      await delay(POLL_MS);
    }
    const renewal = setInterval(() => {
      void leases.update({ name }, { expiresAt: Date.now() + IMPORT_LEASE_MS }).catch(() => 0);
    }, RENEW_EVERY_MS);
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await leases.delete({ name });
    }
  }

  private async erasureRunning(): Promise<boolean> {
    return this.dataSource
      .getRepository(Lease)
      .exists({ where: { name: ERASURE_LEASE, expiresAt: MoreThanOrEqual(Date.now()) } });
  }
}

/** Imports running now (their leases unexpired); expired rows of killed imports are removed. */
export async function runningImports(dataSource: DataSource, now = Date.now()): Promise<number> {
  const leases = dataSource.getRepository(Lease);
  await leases.delete({ name: Like(`${IMPORT_LEASE_PREFIX}%`), expiresAt: LessThan(now) });
  return leases.count({
    where: { name: Like(`${IMPORT_LEASE_PREFIX}%`), expiresAt: MoreThanOrEqual(now) },
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
