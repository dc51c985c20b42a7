// @ts-check
/**
 * Knows whether dist/ holds a build of the sources as they are: `npm run build` ends by writing
 * dist/.built-at (run as a script), and `builtIsCurrent()` says whether any source, TypeScript
 * setting or the lockfile changed since. The CLI uses it to skip a 5–12 s rebuild (tools/cli.js).
 *
 * Usage: node tools/build-stamp.js
 */
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const STAMP = join(ROOT, 'dist', '.built-at');
const SOURCES = ['src', 'bench'];
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time under a folder (files only), 0 for none. */
function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtIsCurrent() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) return false;
  const built = statSync(STAMP).mtimeMs;
  const sources = SOURCES.map((folder) => join(ROOT, folder)).filter(existsSync);
  const settings = SETTINGS.map((file) => join(ROOT, file)).filter(existsSync);
  const changed = Math.max(
    ...sources.map(newest),
    ...settings.map((file) => statSync(file).mtimeMs),
  );
  return changed <= built;
}

function stampBuild() {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

module.exports = { builtIsCurrent, stampBuild };

if (require.main === module) stampBuild();
