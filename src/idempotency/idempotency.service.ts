import { Injectable, Logger } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';
import { idempotencyInProgress, idempotencyKeyReused } from './idempotency-errors';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IdempotencyRecordsRepository, IdempotencyScope } from './idempotency-records.repository';
import { ReservationSignals } from './reservation-signals';

/** How long a request waits for the first request with its key before answering 409. */
export const IN_PROGRESS_WAIT_MS = 5_000;
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;
const FIRST_POLL_MS = 20;
const LONGEST_POLL_MS = 250;

/** What a request with an Idempotency-Key does: run its handler under the key, or replay. */
export type Claim =
  | { kind: 'reserved'; recordId: string; scope: IdempotencyScope }
  | { kind: 'replay'; record: IdempotencyRecord };

/**
 * One Idempotency-Key runs its handler once: the first request reserves the key (a unique row)
 * before the handler; the others with the same body wait for its answer and replay it, those with
 * another body are refused. A handler that fails releases the key. Records expire after
 * idempotency.ttlHours and keep only the status and the resource id.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);
  private readonly signals = new ReservationSignals();

  constructor(
    private readonly records: IdempotencyRecordsRepository,
    private readonly settings: HaloSettings,
  ) {}

  get ttlMs(): number {
    return this.settings.idempotency.ttlHours * 3_600_000;
  }

  async claim(scope: IdempotencyScope): Promise<Claim> {
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    let pause = FIRST_POLL_MS;
    for (;;) {
      const now = Date.now();
      const recordId = await this.records.reserve(scope, now, now - this.ttlMs);
      if (recordId) return { kind: 'reserved', recordId, scope };
      const record = await this.records.findLive(scope.apiKeyId, scope.key, now - this.ttlMs);
      if (record && record.requestHash !== scope.requestHash) throw idempotencyKeyReused();
      if (record && record.status !== null) return { kind: 'replay', record };
      const left = deadline - Date.now();
      if (left <= 0) throw idempotencyInProgress(IN_PROGRESS_RETRY_AFTER_SECONDS);
      // Gone (released by a failure) or still running: try again once it finishes.
      if (record) await this.signals.wait(signalName(scope), Math.min(pause, left));
      pause = Math.min(pause * 2, LONGEST_POLL_MS);
    }
  }

  /** Stores what the handler answered; a failure to store releases the key instead. */
  async complete(
    claim: Extract<Claim, { kind: 'reserved' }>,
    status: number,
    resourceId: string | null,
  ): Promise<void> {
    try {
      await this.records.complete(claim.recordId, status, resourceId);
    } catch (error) {
      this.logger.warn(`idempotency record not completed: ${String(error)}`);
      await this.release(claim);
      return;
    }
    this.signals.signal(signalName(claim.scope));
  }

  /** Lets a retry run the handler again: the reservation is deleted. */
  async release(claim: Extract<Claim, { kind: 'reserved' }>): Promise<void> {
    try {
      await this.records.delete(claim.recordId);
    } catch (error) {
      this.logger.warn(`idempotency reservation not released: ${String(error)}`);
    } finally {
      this.signals.signal(signalName(claim.scope));
    }
  }

  /** Deletes the expired records; how many. */
  purgeExpired(now = Date.now()): Promise<number> {
    return this.records.purgeExpired(now - this.ttlMs);
  }
}

function signalName(scope: IdempotencyScope): string {
  return `${scope.apiKeyId}\u0000${scope.key}`;
}
