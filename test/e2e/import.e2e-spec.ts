import { describeHttpImports } from '../support/import-scenarios';

// The default threshold (256 KiB) keeps every body of the scenarios on the main thread.
describeHttpImports({ where: 'on the main thread', environment: {}, testImporters: true });
