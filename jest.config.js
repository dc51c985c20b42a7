/**
 * Three projects:
 * - unit: pure specs beside the code (src/**\/*.spec.ts), the dashboard's modules included;
 * - e2e: HTTP suites against the real AppModule on a real database (test/e2e), the only ones
 *   that depend on which database runs them;
 * - system: the process, the browser dashboard and the CLI (test/system), on SQLite;
 * - fuzz: property-based fuzzing of every write route, list query and import format against the
 *   real AppModule (test/fuzz; FUZZ_RUNS cases per route, 30 here, 1,000 in `npm run test:fuzz`).
 * With TEST_DATABASE_URL set (the PostgreSQL run) only e2e and fuzz run: the others would repeat
 * themselves. Files run in parallel; each gets its own database, copied from a template that
 * test/setup/global-setup.js migrates once per run.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// The dashboard's browser modules are ES modules in .js; their specs import them through ts-jest.
const tsJestJs = ['ts-jest', { tsconfig: 'tsconfig.jest-js.json' }];

const project = (displayName, roots, testMatch) => ({
  displayName,
  testEnvironment: 'node',
  roots,
  testMatch,
  transform: { '^.+\\.ts$': tsJest, '/src/dashboard/public/js/.+\\.js$': tsJestJs },
});

const unit = project('unit', ['<rootDir>/src'], ['**/*.spec.ts']);
const e2e = project('e2e', ['<rootDir>/test/e2e'], ['**/*.e2e-spec.ts']);
const system = project('system', ['<rootDir>/test/system'], ['**/*.e2e-spec.ts']);
const fuzz = project('fuzz', ['<rootDir>/test/fuzz'], ['**/*.fuzz-spec.ts']);

module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  projects: process.env.TEST_DATABASE_URL ? [e2e, fuzz] : [unit, e2e, system, fuzz],
};
