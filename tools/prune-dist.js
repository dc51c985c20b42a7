/**
 * Deletes the files in dist/ whose TypeScript source is gone (a moved or deleted file), after an
 * incremental build that only writes what it compiles. Connections outside the Nest app load
 * every dist/src/**\/*.entity.js by glob, so a stale copy of a moved entity would be loaded twice.
 *
 * Usage: node tools/prune-dist.js
 */
const { existsSync, readdirSync, rmSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const OUTPUT = /\.(js|js\.map|d\.ts)$/;

function prune(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      prune(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (OUTPUT.test(entry.name)) {
      const source = join(ROOT, relative(DIST, path)).replace(OUTPUT, '.ts');
      if (!existsSync(source)) rmSync(path);
    }
  }
}

if (existsSync(DIST)) prune(DIST);
