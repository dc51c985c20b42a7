/**
 * Wakes the requests of this process waiting for an Idempotency-Key's first request as soon as
 * it finishes here; a request waiting for another instance finds out by polling.
 */
export class ReservationSignals {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Resolves when `name` is signalled or after `ms`, whichever comes first. */
  wait(name: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiting.get(name) ?? new Set<() => void>();
      this.waiting.set(name, waiters);
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0 && this.waiting.get(name) === waiters) this.waiting.delete(name);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.add(wake);
    });
  }

  signal(name: string): void {
    for (const wake of [...(this.waiting.get(name) ?? [])]) wake();
  }
}
