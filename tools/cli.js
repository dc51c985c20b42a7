// @ts-check
/**
 * `npm run cli -- <command>`: the CLI from dist/, built first only when a source changed since
 * the last build (tools/build-stamp.js), so that a call on an up-to-date checkout starts at once.
 */
const { spawnSync } = require('node:child_process');
const { builtIsCurrent } = require('./build-stamp');

if (!builtIsCurrent()) {
  process.stderr.write('sources changed since the last build: building dist/ first\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
require('../dist/src/cli/main.js');
