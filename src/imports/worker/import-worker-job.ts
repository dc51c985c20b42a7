import { HaloSettings } from '../../config/halo-settings';
import { ImportCharset } from '../charset/import-charset';
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
  charset?: ImportCharset;
  /** The kept run the worker reports progress, errors and created records to. */
  runId?: string;
  dryRun?: boolean;
}

/** Main thread → worker: the client went away; stop before the next batch. */
export const ABORT_IMPORT = 'abortImport';

export interface ImportWorkerOutcome {
  result: ImportResult;
  /** The worker's thread, for the log (and the tests that check the import left the main thread). */
  threadId: number;
}
