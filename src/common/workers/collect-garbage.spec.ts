import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const MODULE = join(__dirname, 'collect-garbage.ts');

/** Runs `code` in a worker thread that has collectGarbageInWorker; answers what it posts. */
function inWorker(code: string): Promise<Record<string, number>> {
  const worker = new Worker(
    `const { collectGarbageInWorker } = require(${JSON.stringify(MODULE)});\n${code}`,
    { eval: true, execArgv: ['-r', 'ts-node/register/transpile-only'] },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate()) as Promise<Record<string, number>>;
}

describe('collectGarbageInWorker', () => {
  it('frees a worker heap of what it no longer references', async () => {
    const answer = await inWorker(`
      const { parentPort } = require('node:worker_threads');
      let garbage = Array.from({ length: 400 }, (_, i) => Array.from({ length: 20000 }, (_, j) => ({ i, j })));
      garbage = null;
      const before = process.memoryUsage().heapUsed;
      collectGarbageInWorker();
      const after = process.memoryUsage().heapUsed;
      parentPort.postMessage({ before, after });
    `);
    // 8 million small objects: several hundred MB until collected.
    expect(Number(answer.before) - Number(answer.after)).toBeGreaterThan(100 * 1024 * 1024);
  });

  it('does nothing on the main thread: the process gains no gc flag', () => {
    // In a process of its own: the flag is process-wide, and a jest worker may hold a recompute
    // worker's already. Had the call set it, every context created afterwards would have gc.
    const answer = execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-e',
        `require(${JSON.stringify(MODULE)}).collectGarbageInWorker();
         process.stdout.write(require('node:vm').runInNewContext('typeof gc'));`,
      ],
      { encoding: 'utf8' },
    );
    expect(answer).toBe('undefined');
  });
});
