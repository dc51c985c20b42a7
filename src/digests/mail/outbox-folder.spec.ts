import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectOutbox, purgeOutbox, retentionCutoff } from './outbox-folder';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-03T03:41:00Z');

describe('the outbox folder', () => {
  let folder: string;
  /** A file of `bytes` bytes last written `daysAgo` days before NOW. */
  const write = (name: string, daysAgo: number, bytes = 10) => {
    const path = join(folder, name);
    writeFileSync(path, 'x'.repeat(bytes));
    const at = new Date(NOW - daysAgo * DAY_MS);
    utimesSync(path, at, at);
  };

  beforeEach(() => {
    folder = join(mkdtempSync(join(tmpdir(), 'halo-outbox-')), 'outbox');
    mkdirSync(folder);
  });
  afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('deletes the .eml files last written before the cutoff and keeps the rest', () => {
    write('old.eml', 31);
    write('just-past.eml', 30.01);
    write('just-within.eml', 29.99);
    write('new.eml', 1);
    write('notes.txt', 400);
    mkdirSync(join(folder, 'archive.eml'));
    expect(purgeOutbox(folder, retentionCutoff(NOW, 30))).toEqual({ deleted: 2, kept: 2 });
    expect(readdirSync(folder).sort()).toEqual([
      'archive.eml',
      'just-within.eml',
      'new.eml',
      'notes.txt',
    ]);
  });

  it('counts files, bytes, the oldest and those past a cutoff', () => {
    write('a.eml', 40, 100);
    write('b.eml', 10, 50);
    write('c.eml.tmp', 90, 7);
    expect(inspectOutbox(folder, retentionCutoff(NOW, 31))).toEqual({
      files: 2,
      bytes: 150,
      oldestAt: NOW - 40 * DAY_MS,
      expired: 1,
    });
  });

  it('treats a missing folder as empty', () => {
    const missing = join(folder, 'never-created');
    expect(purgeOutbox(missing, NOW)).toEqual({ deleted: 0, kept: 0 });
    expect(inspectOutbox(missing, NOW)).toEqual({ files: 0, bytes: 0, oldestAt: null, expired: 0 });
    expect(existsSync(missing)).toBe(false);
  });
});
