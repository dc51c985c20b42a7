import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

let gc: (() => void) | undefined;

/**
 * A full garbage collection in a worker thread that has just dropped a large working set and is
 * about to build the next one (a recompute between chunks). Left alone, V8 lets the garbage of
 * two or three chunks pile up before it collects: at 100,000 members the recompute's heap swung
 * between 70 and 360 MB although what it keeps is about 70 MB. Node offers only the `gc()` of
 * `--expose-gc`, an option a worker thread cannot take; V8 accepts the flag at run time for the
 * contexts created after it (jest's leak detector takes it the same way). The flag is the
 * process's: contexts and threads created afterwards have a global `gc` too, which nothing
 * here calls. A no-op on the main thread, where a pause of tens of milliseconds would hold
 * every request up.
 */
export function collectGarbageInWorker(): void {
  if (isMainThread) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
