import { Injectable } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';

export const FAILURE_WINDOW_MS = 60_000;
/** Beyond this many tracked addresses and prefixes, expired entries are swept. */
const SWEEP_ABOVE = 10_000;

/**
 * Failed authentications in the last minute per address and per key prefix, in memory (one
 * instance's view; enough to make guessing slow). At the limit (auth.failuresPerMinute, 10),
 * further attempts wait.
 */
@Injectable()
export class FailedAuthentications {
  private readonly failures = new Map<string, number[]>();
  private readonly limit: number;

  constructor(settings: HaloSettings) {
    this.limit = settings.auth.failuresPerMinute;
  }

  /** Seconds to wait before `subjects` may try again, or 0 when none has reached the limit. */
  retryAfterSeconds(subjects: string[], now = Date.now()): number {
    let waitMs = 0;
    for (const subject of subjects) {
      const recent = this.recent(subject, now);
      if (recent.length >= this.limit) {
        waitMs = Math.max(waitMs, recent[recent.length - this.limit] + FAILURE_WINDOW_MS - now);
      }
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  record(subjects: string[], now = Date.now()): void {
    if (this.failures.size > SWEEP_ABOVE) this.sweep(now);
    for (const subject of subjects) {
      const recent = this.recent(subject, now);
      recent.push(now);
      this.failures.set(subject, recent.slice(-this.limit));
    }
  }

  private recent(subject: string, now: number): number[] {
    return (this.failures.get(subject) ?? []).filter((at) => at > now - FAILURE_WINDOW_MS);
  }

  private sweep(now: number): void {
    for (const [subject, times] of this.failures) {
      if (times.every((at) => at <= now - FAILURE_WINDOW_MS)) this.failures.delete(subject);
    }
  }
}
