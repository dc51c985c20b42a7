import { HttpException, HttpStatus } from '@nestjs/common';
import { Response } from 'express';

/** Seconds a refused import is told to wait before trying again. */
export const IMPORT_RETRY_AFTER_SECONDS = 5;

/**
 * At most `limit` HTTP imports run at once (imports.maxConcurrent): each holds the database's
 * writer for its batches, so more would only queue behind each other while holding their
 * bodies in memory. A further one answers 429 with Retry-After at once.
 */
export class ImportSlots {
  private running = 0;

  constructor(private readonly limit: () => number) {}

  /** Imports running now in this process. */
  get active(): number {
    return this.running;
  }

  async run<T>(response: Response | undefined, work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit()) {
      response?.setHeader('Retry-After', String(IMPORT_RETRY_AFTER_SECONDS));
      throw new HttpException(
        `${this.running} imports are running, the most imports.maxConcurrent allows; retry in ${IMPORT_RETRY_AFTER_SECONDS} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
    }
  }
}
