import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Runs a worker file of this folder tree (`name` without extension, relative to `directory`)
 * that answers one `{type: 'done', result}` or `{type: 'failed', message}`. Under ts-jest or
 * ts-node the worker is TypeScript too and gets the same loader.
 */
export function runInWorker<T>(
  directory: string,
  name: string,
  workerData: unknown,
  onMessage: (message: Record<string, unknown>) => void = () => undefined,
): Promise<T> {
  const compiled = __filename.endsWith('.js');
  const worker = new Worker(join(directory, `${name}.${compiled ? 'js' : 'ts'}`), {
    workerData,
    execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only'],
  });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: { type: string; result?: T; message?: string }) => {
      if (message.type === 'done') settle(() => resolve(message.result as T));
      if (message.type === 'failed') settle(() => reject(new Error(message.message)));
      onMessage(message);
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`worker ${name} exited with code ${code}`))),
    );
  });
}
