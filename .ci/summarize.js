// Prints one closing line per jest run and a total: "N passed, N failed, N skipped".
const { existsSync, readFileSync } = require('node:fs');

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  const label = file.replace(/^.*jest-|\.json$/g, '');
  if (!existsSync(file)) {
    console.log(`${label}: 0 passed, 1 failed (no results: the run crashed)`);
    totals.failed += 1;
    continue;
  }
  const run = JSON.parse(readFileSync(file, 'utf8'));
  const passed = run.numPassedTests;
  const failed = run.numFailedTests + run.numRuntimeErrorTestSuites;
  const skipped = run.numPendingTests + run.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
