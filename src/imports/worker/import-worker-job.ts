import { HaloSettings } from '../../config/halo-settings';
import { ImportFormat } from '../import-format';
import { ImportResult } from '../import-result';
import { CsvReadOptions } from '../readers/csv-read-options';

/** What an import worker is started with (its workerData); the body follows as messages. */
export interface ImportWorkerInput {
  /** The main app's effective settings: the worker never reads the environment itself. */
  settings: HaloSettings;
  type: string;
  format: ImportFormat;
  maxBytes: number;
  csv?: CsvReadOptions;
}

export interface ImportWorkerOutcome {
  result: ImportResult;
  /** The worker's thread, for the log (and the tests that check the import left the main thread). */
  threadId: number;
}
