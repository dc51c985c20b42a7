import { HttpException, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { ERASURE_RETRY_AFTER_SECONDS, ImportLeases } from './import-leases';

/** Seconds a refused import is told to wait before trying again. */
export const IMPORT_RETRY_AFTER_SECONDS = 5;

/**
 * At most `limit` HTTP imports run at once (imports.maxConcurrent): each holds the database's
 * writer for its batches, so more would only queue behind each other while holding their
 * bodies in memory. A further one answers 429 with Retry-After at once.
 */
export class ImportSlots {
  private running = 0;

  constructor(
    private readonly limit: () => number,
    /** Keeps imports and erasures apart (DESIGN.md, Erasure). */
    private readonly leases?: ImportLeases,
  ) {}

  /** Imports running now in this process. */
  get active(): number {
    return this.running;
  }

  async run<T>(
    response: Response | undefined,
    work: () => Promise<T>,
    /** Names the import's lease (its run's id), so a run whose process died can be told apart. */
    leaseId?: string,
  ): Promise<T> {
    if (this.running >= this.limit()) {
      response?.setHeader('Retry-After', String(IMPORT_RETRY_AFTER_SECONDS));
      throw new HttpException(
        `${this.running} imports are running, the most imports.maxConcurrent allows; retry in ${IMPORT_RETRY_AFTER_SECONDS} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.running += 1;
    try {
      if (!this.leases) return await work();
      return await this.leases.hold(work, leaseId).catch((error: unknown) => {
        if (error instanceof HttpException && error.getStatus() === 429)
          response?.setHeader('Retry-After', String(ERASURE_RETRY_AFTER_SECONDS));
        throw error;
      });
    } finally {
      this.running -= 1;
    }
  }
}
