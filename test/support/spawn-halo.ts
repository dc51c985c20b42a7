import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface SpawnedHalo {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs src/main.ts (or another entry) in a child process, as an operator would start it: its
 * build in dist/ (the test run builds it first), else the TypeScript through ts-node.
 */
export function spawnHalo(
  environment: Record<string, string>,
  entry = 'src/main.ts',
  args: string[] = [],
): SpawnedHalo {
  const child = spawn(process.execPath, [...entryArguments(entry), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function entryArguments(entry: string): string[] {
  const built = join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'));
  if (existsSync(built)) return [built];
  return ['-r', 'ts-node/register/transpile-only', join(ROOT, entry)];
}

/** Polls until the predicate holds or the deadline passes (no fixed sleeps). */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
