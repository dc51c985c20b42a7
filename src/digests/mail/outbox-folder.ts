import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 86_400_000;

/** What the outbox folder holds, as the System page and /health see it. */
export interface OutboxContents {
  files: number;
  bytes: number;
  /** The modification time of the oldest .eml file; null when there is none. */
  oldestAt: number | null;
  /** Files older than the retention, which the daily job should already have deleted. */
  expired: number;
}

/** The instant before which an outbox file has outlived `retentionDays`. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

/** The .eml files of the folder with their size and mtime; none when the folder is missing. */
function outboxFiles(folder: string): { path: string; bytes: number; modifiedAt: number }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: { path: string; bytes: number; modifiedAt: number }[] = [];
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (stat.isFile()) files.push({ path, bytes: stat.size, modifiedAt: stat.mtimeMs });
    } catch (error) {
      // Deleted between the listing and the stat (an erasure, another instance's purge).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}

/** Counts the folder's .eml files, their size, the oldest, and those older than `cutoff`. */
export function inspectOutbox(folder: string, cutoff: number): OutboxContents {
  const files = outboxFiles(folder);
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    oldestAt: files.length ? Math.min(...files.map((file) => file.modifiedAt)) : null,
    expired: files.filter((file) => file.modifiedAt < cutoff).length,
  };
}

/**
 * Deletes the folder's .eml files last written before `cutoff` (a copy sent again is rewritten,
 * so its age counts from the last send). Other files are left alone.
 */
export function purgeOutbox(folder: string, cutoff: number): { deleted: number; kept: number } {
  let deleted = 0;
  let kept = 0;
  for (const file of outboxFiles(folder)) {
    if (file.modifiedAt >= cutoff) {
      kept += 1;
      continue;
    }
    try {
      unlinkSync(file.path);
      deleted += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { deleted, kept };
}
