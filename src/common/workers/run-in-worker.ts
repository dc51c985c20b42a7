import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../errors/domain-error';

/** A worker's last word: its result, or why it failed (a DomainError keeps kind, code and details). */
type WorkerAnswer =
  | { type: 'done'; result: unknown }
  | {
      type: 'failed';
      message: string;
      domainError?: Pick<DomainError, 'kind' | 'code' | 'details'>;
    };

export interface WorkerRun<T> {
  /** The thread, for jobs that talk to it while it runs (a streamed body) or must stop it. */
  worker: Worker;
  result: Promise<T>;
}

/**
 * Starts a worker file of this folder tree (`name` without extension, relative to `directory`)
 * that answers one `{type: 'done', result}` or `{type: 'failed', message}`; every message also
 * goes to `onMessage`; `workerEntry` says which file runs. A DomainError thrown in the worker
 * is thrown again here, so it keeps its HTTP status.
 */
export function startWorker<T>(
  directory: string,
  name: string,
  workerData: unknown,
  onMessage: (message: Record<string, unknown>) => void = () => undefined,
): WorkerRun<T> {
  const entry = workerEntry(directory, name);
  const worker = new Worker(entry.file, { workerData, execArgv: entry.execArgv });
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: Record<string, unknown>) => {
      const answer = message as WorkerAnswer;
      if (answer.type === 'done') settle(() => resolve(answer.result as T));
      if (answer.type === 'failed') settle(() => reject(failureError(answer)));
      onMessage(message);
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`worker ${name} exited with code ${code}`))),
    );
  });
  return { worker, result };
}

/**
 * The file a worker thread runs. Compiled code starts its sibling .js. Under ts-jest or ts-node
 * the built counterpart in dist/ is used when present (the test run builds it first): compiling
 * the worker's TypeScript at every start cost seconds per worker; ts-node is the fallback.
 */
function workerEntry(directory: string, name: string): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.js')) return { file: join(directory, `${name}.js`), execArgv: [] };
  const root = packageRoot(directory);
  const built = join(root, 'dist', relative(root, directory), `${name}.js`);
  if (existsSync(built)) return { file: built, execArgv: [] };
  return {
    file: join(directory, `${name}.ts`),
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  };
}

function packageRoot(directory: string): string {
  let folder = directory;
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder)
    folder = dirname(folder);
  return folder;
}

/** startWorker for jobs that only need the result. */
export function runInWorker<T>(
  directory: string,
  name: string,
  workerData: unknown,
  onMessage: (message: Record<string, unknown>) => void = () => undefined,
): Promise<T> {
  return startWorker<T>(directory, name, workerData, onMessage).result;
}

/**
 * The worker's side of startWorker: runs the job on `workerData` and answers `done` with its
 * result once the job (with its own clean-up) has finished, or `failed` with the error.
 */
export function serveWorker<Input, Result>(
  job: (input: Input, post: (message: unknown) => void) => Promise<Result>,
): void {
  const post = (message: unknown) => parentPort!.postMessage(message);
  job(workerData as Input, post).then(
    (result) => post({ type: 'done', result } satisfies WorkerAnswer),
    (error: unknown) => post(failureAnswer(error)),
  );
}

function failureAnswer(error: unknown): WorkerAnswer {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof DomainError)) return { type: 'failed', message };
  const { kind, code, details } = error;
  return { type: 'failed', message, domainError: { kind, code, details } };
}

function failureError(answer: Extract<WorkerAnswer, { type: 'failed' }>): Error {
  if (!answer.domainError) return new Error(answer.message);
  const { kind, code, details } = answer.domainError;
  return new DomainError(kind, code, answer.message, details);
}
