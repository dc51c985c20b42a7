import { describeHttpImports } from '../support/import-scenarios';

// Every import in a worker thread, whatever its size: the same scenarios, the same answers.
describeHttpImports({
  where: 'in a worker thread',
  environment: { IMPORT_WORKER_MIN_BYTES: '0' },
  testImporters: false,
});
